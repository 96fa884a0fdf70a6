package io.meterflow.operator.catalog;

import io.meterflow.operator.keystone.KeystoneAdmin;
import io.meterflow.operator.keystone.KeystoneException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code bin/meterflow catalog register|unregister}: Meterflow's APIs in Keystone's service
 * catalog, where the OpenStack clients find them, and optionally the service user the APIs sign
 * in with.
 */
public final class CatalogCommand {

    static final String HELP = """
            usage: bin/meterflow catalog register [--public-url-base URL] [options]
                   bin/meterflow catalog unregister [options]

            register puts Meterflow's APIs into Keystone's service catalog, where gnocchiclient,
            cloudkittyclient, Horizon and the openstack CLI look them up, with a public, an internal
            and an admin endpoint each:
              metric   gnocchi            the time-series API (Gnocchi v1), port 8041
              rating   cloudkitty         the rating API (CloudKitty v1/v2), port 8889
              billing  meterflow-reports  the reports API (accounts, invoices), port 8890
            Running it again changes nothing; a changed URL is updated in place. unregister deletes
            the endpoints in the region, and each service left without endpoints.

            Endpoints:
              --public-url-base URL        scheme://host; each service adds its port to it
              --internal-url-base URL      the same for internal endpoints (default: the public base)
              --admin-url-base URL         the same for admin endpoints (default: the internal base)
              --metric-url URL             every endpoint of one service, e.g. behind a proxy; also
              --rating-url, --reports-url  --metric-public-url, --rating-internal-url, --reports-admin-url ...
              --services LIST              only these, comma-separated (default metric,rating,reports)
              --region NAME                the region (default OS_REGION_NAME, else RegionOne)
              --dry-run                    say what would change and change nothing

            The service user (what METERFLOW_KEYSTONE_USER names):
              --create-service-user        register: find or create the user, with the roles service and
                                           admin on the service project; the password comes from
                                           METERFLOW_KEYSTONE_PASSWORD, an existing user keeps its own
              --delete-service-user        unregister: delete that user
              --service-user NAME          default METERFLOW_KEYSTONE_USER, else meterflow
              --service-project NAME       default METERFLOW_KEYSTONE_PROJECT, else service
              --service-user-domain NAME   default METERFLOW_KEYSTONE_DOMAIN, else Default
              --delete-region              unregister: delete the region too, if nothing is left in it

            Keystone admin credentials, as the openstack CLI takes them (an admin's openrc):
              --os-auth-url URL            OS_AUTH_URL, e.g. http://controller:5000/v3
              --os-username NAME           OS_USERNAME
              --os-password PASSWORD       OS_PASSWORD
              --os-project-name NAME       OS_PROJECT_NAME
              --os-user-domain-name NAME   OS_USER_DOMAIN_NAME (default Default; or --os-user-domain-id)
              --os-project-domain-name N   OS_PROJECT_DOMAIN_NAME (default Default; or --os-project-domain-id)

            Exit status: 0 done, 1 Keystone unreachable or refusing, 2 a wrong command line.
            """;

    private CatalogCommand() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System::getenv, System.out, System.err));
    }

    /** Runs the command; the exit status is returned, not taken. */
    public static int run(List<String> args, UnaryOperator<String> environment, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h") || args.isEmpty()) {
            (args.isEmpty() ? err : out).print(HELP);
            return args.isEmpty() ? 2 : 0;
        }
        CatalogSettings settings;
        try {
            settings = CatalogSettings.parse(args, environment);
        } catch (CatalogSettings.UsageException e) {
            e.getMessage().lines().forEach(line -> err.println("meterflow catalog: " + line));
            err.println("meterflow catalog: see bin/meterflow catalog --help");
            return 2;
        }
        try {
            KeystoneAdmin keystone = KeystoneAdmin.signIn(settings.admin());
            CatalogRegistration registration =
                    new CatalogRegistration(new KeystoneCatalog(keystone), settings.dryRun(), out);
            ServiceUserSetup users = new ServiceUserSetup(keystone, settings.dryRun(), out);
            if (settings.action() == CatalogSettings.Action.REGISTER) {
                registration.register(settings.region(), settings.services(), settings.urls());
                if (settings.serviceUser().isPresent()) {
                    users.create(settings.serviceUser().get());
                }
            } else {
                registration.unregister(settings.region(), settings.services(), settings.deleteRegion());
                if (settings.serviceUser().isPresent()) {
                    users.delete(settings.serviceUser().get());
                }
            }
            if (settings.dryRun()) {
                out.println("dry run: Keystone was not changed");
            }
            return 0;
        } catch (KeystoneException e) {
            err.println("meterflow catalog: " + e.getMessage());
            return 1;
        }
    }
}
