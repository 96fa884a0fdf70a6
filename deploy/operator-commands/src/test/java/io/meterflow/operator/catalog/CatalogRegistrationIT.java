package io.meterflow.operator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.operator.keystone.AdminCredentials;
import io.meterflow.operator.keystone.KeystoneAdmin;
import io.meterflow.testsupport.KeystoneServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/meterflow catalog} against a real Keystone: registering twice leaves one service and
 * three endpoints for each API, a changed URL is updated in place, a dry run changes nothing, the
 * service user gets its roles, and unregistering takes it all out again. Everything goes into a
 * region of this run's own, so the shared Keystone's RegionOne is never touched. Skipped without a
 * Keystone (METERFLOW_TEST_KEYSTONE_URL; .ci/run starts one).
 */
class CatalogRegistrationIT {

    private static KeystoneServer keystone;
    private static KeystoneAdmin admin;
    private static final String REGION =
            "MeterflowIT-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String USER_REGION = REGION + "-user";
    private static String serviceProject;

    @BeforeAll
    static void connect() throws Exception {
        keystone = KeystoneServer.fromEnvironment().orElse(null);
        assumeTrue(keystone != null, "no Keystone: set METERFLOW_TEST_KEYSTONE_URL (.ci/run starts one)");
        admin = KeystoneAdmin.signIn(AdminCredentials.from(name -> null, openrc()::get));
        String projectId = keystone.createProject("service");
        serviceProject =
                admin.get("projects/" + projectId).path("project").path("name").asText();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (keystone == null) {
            return;
        }
        run(Map.of(), "unregister", "--region", REGION, "--delete-region");
        run(Map.of(), "unregister", "--region", USER_REGION, "--delete-region");
        // The `service` role --create-service-user may have made stays: other tests' service users
        // may hold it by now, and every OpenStack deployment has one.
        keystone.close();
    }

    private static Map<String, String> openrc() {
        return Map.of(
                "OS_AUTH_URL", keystone.url(),
                "OS_USERNAME", keystone.adminUser(),
                "OS_PASSWORD", keystone.adminPassword(),
                "OS_PROJECT_NAME", keystone.adminProject(),
                "OS_USER_DOMAIN_NAME", "Default",
                "OS_PROJECT_DOMAIN_NAME", "Default");
    }

    private record Run(int status, String out, String err) {}

    private static Run run(Map<String, String> more, String... args) {
        Map<String, String> environment = new HashMap<>(openrc());
        environment.putAll(more);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CatalogCommand.run(
                List.of(args),
                environment::get,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run ok(String... args) {
        Run run = run(Map.of(), args);
        assertThat(run.status()).as(run.err()).isZero();
        return run;
    }

    /** Per service type: interface → URL of its endpoints in the region, and how many services of that name there are. */
    private static Map<String, Map<String, String>> registered() throws Exception {
        Map<String, Map<String, String>> found = new TreeMap<>();
        for (MeterflowService service : MeterflowService.values()) {
            List<String> ids = new ArrayList<>();
            for (JsonNode node : admin.get("services?type=" + service.type()).path("services")) {
                if (node.path("name").asText().equals(service.serviceName())) {
                    ids.add(node.path("id").asText());
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            assertThat(ids).as("services of type " + service.type()).hasSize(1);
            Map<String, String> endpoints = new TreeMap<>();
            for (JsonNode node : admin.get("endpoints?service_id=" + ids.get(0) + "&region_id=" + REGION)
                    .path("endpoints")) {
                assertThat(endpoints.put(
                                node.path("interface").asText(),
                                node.path("url").asText()))
                        .as("one " + node.path("interface").asText() + " endpoint of " + service.type())
                        .isNull();
            }
            if (!endpoints.isEmpty()) {
                found.put(service.type(), endpoints);
            }
        }
        return found;
    }

    private static Map<String, String> everywhere(String url) {
        return Map.of("admin", url, "internal", url, "public", url);
    }

    @Test
    void registersOnceUpdatesAChangedUrlInPlaceAndUnregisters() throws Exception {
        Run first = ok("register", "--region", REGION, "--public-url-base", "http://127.0.0.1");
        assertThat(first.out()).contains("region " + REGION + ": created");
        Map<String, Map<String, String>> expected = Map.of(
                "metric", everywhere("http://127.0.0.1:8041"),
                "rating", everywhere("http://127.0.0.1:8889"),
                "billing", everywhere("http://127.0.0.1:8890"));
        assertThat(registered()).isEqualTo(expected);

        Run again = ok("register", "--region", REGION, "--public-url-base", "http://127.0.0.1");
        assertThat(again.out()).doesNotContain("created").doesNotContain("updated");
        assertThat(again.out().lines().filter(line -> line.endsWith("unchanged")))
                .hasSize(9);
        assertThat(registered()).isEqualTo(expected);

        Run dryRun = ok(
                "register",
                "--region",
                REGION,
                "--public-url-base",
                "http://127.0.0.1",
                "--rating-internal-url",
                "http://10.1.2.3:8889",
                "--dry-run");
        assertThat(dryRun.out())
                .contains("internal http://10.1.2.3:8889  would be updated (was http://127.0.0.1:8889)")
                .contains("dry run: Keystone was not changed");
        assertThat(registered()).isEqualTo(expected);

        Run moved = ok(
                "register",
                "--region",
                REGION,
                "--public-url-base",
                "http://127.0.0.1",
                "--rating-internal-url",
                "http://10.1.2.3:8889");
        assertThat(moved.out()).contains("internal http://10.1.2.3:8889  updated (was http://127.0.0.1:8889)");
        assertThat(registered().get("rating"))
                .isEqualTo(Map.of(
                        "admin", "http://127.0.0.1:8889",
                        "internal", "http://10.1.2.3:8889",
                        "public", "http://127.0.0.1:8889"));

        Run gone = ok("unregister", "--region", REGION, "--delete-region");
        assertThat(gone.out()).contains("region " + REGION + ": deleted");
        assertThat(registered()).isEmpty();
        assertThat(admin.exists("regions/" + REGION)).isFalse();
    }

    @Test
    void createsTheServiceUserWithItsRolesOnceAndDeletesIt() throws Exception {
        String user = "mf-test-" + UUID.randomUUID().toString().substring(0, 8) + "-meterflow";
        Map<String, String> service = Map.of(
                "METERFLOW_KEYSTONE_USER", user,
                "METERFLOW_KEYSTONE_PASSWORD", "service-secret",
                "METERFLOW_KEYSTONE_PROJECT", serviceProject);
        String[] register = {
            "register",
            "--region",
            USER_REGION,
            "--services",
            "rating",
            "--public-url-base",
            "http://127.0.0.1",
            "--create-service-user"
        };
        try {
            Run created = run(service, register);
            assertThat(created.status()).as(created.err()).isZero();
            assertThat(created.out())
                    .contains("service user " + user + ": created")
                    .contains("role service on project " + serviceProject + ": granted")
                    .contains("role admin on project " + serviceProject + ": granted");

            // The services sign in as it and see both roles in their token.
            KeystoneAdmin asService = KeystoneAdmin.signIn(new AdminCredentials(
                    URI.create(keystone.url()),
                    user,
                    "service-secret",
                    serviceProject,
                    "Default",
                    false,
                    "Default",
                    false));
            assertThat(asService).isNotNull();

            Run again = run(
                    Map.of(
                            "METERFLOW_KEYSTONE_PASSWORD",
                            "another",
                            "METERFLOW_KEYSTONE_USER",
                            user,
                            "METERFLOW_KEYSTONE_PROJECT",
                            serviceProject),
                    register);
            assertThat(again.out())
                    .contains("service user " + user + ": exists (password unchanged)")
                    .contains("role service on project " + serviceProject + ": held")
                    .contains("role admin on project " + serviceProject + ": held");
        } finally {
            Run deleted = run(
                    service,
                    "unregister",
                    "--region",
                    USER_REGION,
                    "--services",
                    "rating",
                    "--delete-service-user",
                    "--delete-region");
            assertThat(deleted.out()).contains("service user " + user + ": deleted");
        }
        assertThat(admin.get("users?name=" + user).path("users")).isEmpty();
    }

    @Test
    void refusedAdminCredentialsAreOneLineAndStatusOne() {
        Run refused = run(
                Map.of("OS_PASSWORD", "not-the-password"),
                "register",
                "--region",
                REGION,
                "--public-url-base",
                "http://127.0.0.1");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err())
                .startsWith("meterflow catalog: Keystone at " + keystone.url() + " refused the credentials of "
                        + keystone.adminUser() + " on project " + keystone.adminProject() + " (401: ")
                .hasLineCount(1);
    }
}
