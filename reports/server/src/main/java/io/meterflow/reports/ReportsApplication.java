package io.meterflow.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.meterflow.gnocchiclient.GnocchiClient;
import io.meterflow.gnocchiclient.GnocchiConfig;
import io.meterflow.gnocchiclient.auth.BasicAuth;
import io.meterflow.gnocchiclient.auth.GnocchiAuth;
import io.meterflow.gnocchiclient.auth.KeystoneTokenAuth;
import io.meterflow.gnocchiclient.auth.NoAuth;
import io.meterflow.keystone.KeystoneSettings;
import io.meterflow.keystone.KeystoneTokens;
import io.meterflow.keystone.ServiceToken;
import io.meterflow.policy.Policy;
import io.meterflow.reports.access.CallerFilter;
import io.meterflow.reports.access.ExportAccessFilter;
import io.meterflow.reports.access.Guard;
import io.meterflow.reports.access.ReportsPolicies;
import io.meterflow.reports.account.AccountResource;
import io.meterflow.reports.account.IssuerResource;
import io.meterflow.reports.api.ErrorMapper;
import io.meterflow.reports.database.ReportsMigrations;
import io.meterflow.reports.exports.CapacityExportResource;
import io.meterflow.reports.exports.CapacityExporter;
import io.meterflow.reports.exports.ExporterForCaller;
import io.meterflow.reports.invoicing.InvoiceResource;
import io.meterflow.reports.invoicing.Rendering;
import io.meterflow.reports.portal.PortalConfig;
import io.meterflow.reports.portal.PortalResources;
import io.meterflow.reports.portal.auth.PortalAuthenticator;
import io.meterflow.reports.portal.cost.HttpRatingReader;
import io.meterflow.reports.portal.usage.GnocchiUsageReader;
import io.meterflow.reports.tenant.AccountInvoices;
import io.meterflow.reports.tenant.PortalLinkResource;
import io.meterflow.serviceconfig.ServiceConfigSources;
import io.meterflow.servicedatabase.ServiceDatabase;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/meterflow reports}: billing accounts, invoice runs and the invoices' lifecycle and
 * downloads, over the rating engine's API. {@link #run} only wires.
 */
public final class ReportsApplication extends Application<ReportsConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsApplication.class);

    public static final String DEFAULT_CONFIG = "meterflow-reports.yml";

    public static void main(String[] args) throws Exception {
        new ReportsApplication().run(withConfigFile(args));
    }

    /**
     * {@code server} and {@code check} alone get the packaged configuration, as the other services;
     * so does {@code issue} with its options but without a file of its own.
     */
    static String[] withConfigFile(String[] args) {
        if (args.length > 1
                && args[0].equals("issue")
                && java.util.Arrays.stream(args).noneMatch(a -> a.endsWith(".yml") || a.endsWith(".yaml"))
                && java.util.Arrays.stream(args).noneMatch(a -> a.equals("-h") || a.equals("--help"))) {
            String[] withFile = java.util.Arrays.copyOf(args, args.length + 1);
            withFile[args.length] = DEFAULT_CONFIG;
            return withFile;
        }
        return ServiceConfigSources.withPackagedConfig(args, DEFAULT_CONFIG, "server", "check", "issue");
    }

    private final UnaryOperator<String> environment;

    /** A service configured by this process's environment variables. */
    public ReportsApplication() {
        this(System::getenv);
    }

    /**
     * A service configured by {@code environment} instead of the process's variables: how the
     * all-in-one runs several services in one JVM, each with its own database and ports.
     */
    public ReportsApplication(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String getName() {
        return "meterflow-reports";
    }

    @Override
    public void initialize(Bootstrap<ReportsConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(ServiceConfigSources.fileOrPackagedWith(environment));
        bootstrap.addCommand(new IssueCommand(this));
    }

    @Override
    public void run(ReportsConfiguration config, Environment environment) throws Exception {
        ObjectMapper json = environment.getObjectMapper();
        Policy policy = policy(config);
        Map<String, Rendering> renderings = Renderings.withFacturX(config.rendering());
        exposeMetricsForPrometheus(environment);
        DataSource dataSource = dataSource(config, environment);
        ReportsMigrations.migrate(dataSource);
        environment.healthChecks().register("postgresql", new DatabaseHealthCheck(dataSource));
        ReportsWiring wiring = ReportsWiring.create(config, dataSource, json, Clock.systemUTC());
        Guard guard = new Guard(policy);

        var jersey = environment.jersey();
        jersey.register(
                config.authMode().equals("keystone")
                        ? CallerFilter.keystone(
                                new KeystoneTokens(config.keystone().settings(), Clock.systemUTC()))
                        : new CallerFilter(config.authMode(), config.financeUsers()));
        jersey.register(new ExportAccessFilter(guard));
        jersey.register(new ErrorMapper());
        GnocchiClient timeseries = new GnocchiClient(
                GnocchiConfig.of(URI.create(config.timeseriesUrl()), timeseriesAuth(config, wiring.serviceToken())));
        jersey.register(new CapacityExportResource(ExporterForCaller.shared(new CapacityExporter(timeseries))));
        PortalResources portal = PortalResources.register(
                jersey,
                PortalConfig.of(
                                linkSecret(config),
                                Currency.getInstance(config.billing().defaultCurrency()))
                        .withCacheTtl(Duration.ofSeconds(config.portal().cacheSeconds()))
                        .withSecureCookie(config.portal().secureCookie()),
                portalAuthenticator(config),
                ratingReader(config, wiring.serviceToken()),
                new GnocchiUsageReader(timeseries, "mean"),
                new AccountInvoices(wiring.transactions(), wiring.invoices(), renderings),
                Clock.systemUTC());
        jersey.register(new PortalLinkResource(portal.signedLinks(), guard));
        jersey.register(new IssuerResource(wiring.transactions(), wiring.issuers(), guard));
        jersey.register(new AccountResource(wiring.transactions(), wiring.accounts(), wiring.issuers(), guard));
        jersey.register(new InvoiceResource(
                wiring.transactions(), wiring.invoices(), wiring.runs(), wiring.lifecycle(), guard, renderings));
    }

    /** Under Keystone tenants sign in with their Keystone credentials; else as the auth mode says. */
    private static PortalAuthenticator portalAuthenticator(ReportsConfiguration config) {
        if (!config.authMode().equals("keystone")) {
            return PortalAuthenticator.forMode(config.authMode());
        }
        KeystoneSettings keystone = config.keystone().settings();
        return PortalAuthenticator.keystone(
                keystone.url(), keystone.domain(), HttpClient.newHttpClient(), Duration.ofSeconds(10));
    }

    /**
     * The portal reads a project's costs once the session has settled which project: with the
     * operator's static token if there is one (METERFLOW_RATING_TOKEN), else under keystone with
     * the service's own token, under basic as the Basic user admin.
     */
    private static HttpRatingReader ratingReader(ReportsConfiguration config, Optional<ServiceToken> serviceToken) {
        HttpRatingReader reader = new HttpRatingReader(
                URI.create(config.ratingUrl()), HttpClient.newHttpClient(), Duration.ofSeconds(10));
        String token = config.ratingToken();
        if (!token.isEmpty()) {
            return reader.withToken(() -> token, refused -> {});
        }
        if (config.authMode().equals("keystone")) {
            ServiceToken service = serviceToken.orElseThrow();
            return reader.withToken(service::current, service::refused);
        }
        return config.authMode().equals("basic") ? reader.asBasicUser("admin") : reader;
    }

    /** The time-series API as capacity exports and the portal's usage graphs read it. */
    private static GnocchiAuth timeseriesAuth(ReportsConfiguration config, Optional<ServiceToken> serviceToken) {
        return switch (config.timeseriesAuth()) {
            case "keystone" -> {
                // Keystone down: the portal shows "temporarily unavailable", the API answers 503.
                ServiceToken service = serviceToken.orElseThrow();
                yield new KeystoneTokenAuth(service::current, service::refused);
            }
            case "noauth" -> new NoAuth(config.timeseriesUser(), null, List.of("admin"));
            default -> new BasicAuth(config.timeseriesUser());
        };
    }

    /** The operator's secret, or a random one for this process (links then die with it). */
    private static String linkSecret(ReportsConfiguration config) {
        if (!config.portal().linkSecret().isEmpty()) {
            return config.portal().linkSecret();
        }
        LOG.warn("No METERFLOW_PORTAL_LINK_SECRET: portal links signed now stop working when this process ends");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static Policy policy(ReportsConfiguration config) throws IOException {
        if (config.policyFile().isEmpty()) {
            return Policy.of(ReportsPolicies.defaults());
        }
        return Policy.load(ReportsPolicies.defaults(), Path.of(config.policyFile()));
    }

    private static void exposeMetricsForPrometheus(Environment environment) {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new DropwizardExports(environment.metrics()));
        environment
                .admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(registry))
                // /prometheus as on every other Meterflow service; /metrics for existing scrapers.
                .addMapping("/prometheus", "/metrics");
    }

    static DataSource dataSource(ReportsConfiguration config, Environment environment) {
        return ServiceDatabase.dataSource(
                config.database(),
                config.dataDir(),
                "meterflow-reports",
                environment.metrics(),
                environment.lifecycle(),
                Map.of());
    }
}
