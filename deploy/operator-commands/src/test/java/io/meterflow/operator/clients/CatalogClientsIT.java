package io.meterflow.operator.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.meterflow.operator.catalog.CatalogCommand;
import io.meterflow.operator.keystone.AdminCredentials;
import io.meterflow.operator.keystone.KeystoneAdmin;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.KeystoneServer;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's acceptance: the OpenStack clients find Meterflow through Keystone's catalog and a
 * project's member sees only that project's data. The time-series and rating APIs run in this
 * JVM behind the real Keystone, signed in as a service user {@code bin/meterflow catalog register
 * --create-service-user} made, and registered by that command in a region of this run's own;
 * then Debian's {@code openstack metric resource list} and {@code openstack rating summary get}
 * run as the members of two projects. Skipped without a Keystone (METERFLOW_TEST_KEYSTONE_URL) or
 * without {@code /usr/bin/openstack} with the gnocchi and cloudkitty plugins.
 */
@RealServices
class CatalogClientsIT {

    private static final Path OPENSTACK = Path.of("/usr/bin/openstack");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION =
            "MeterflowIT-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String NOVEMBER = "2026-11-01T00:00:00";
    private static final String DECEMBER = "2026-12-01T00:00:00";

    private static KeystoneServer keystone;
    private static Map<String, String> catalogEnvironment;
    private static String serviceUser;
    private static ApiFixture timeseries;
    private static RatingApiFixture rating;
    private static String alpha;
    private static String beta;
    private static String alice;
    private static String bob;
    private static String alphaResource;
    private static String betaResource;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        keystone = KeystoneServer.fromEnvironment().orElse(null);
        assumeTrue(keystone != null, "no Keystone: set METERFLOW_TEST_KEYSTONE_URL (.ci/run starts one)");
        assumeTrue(
                Files.isExecutable(OPENSTACK),
                "no /usr/bin/openstack: apt-get install python3-openstackclient python3-gnocchiclient"
                        + " python3-cloudkittyclient");
        alpha = keystone.createProject("alpha");
        beta = keystone.createProject("beta");
        alice = keystone.createUser("alice", alpha, "member");
        bob = keystone.createUser("bob", beta, "member");
        KeystoneAdmin admin = KeystoneAdmin.signIn(AdminCredentials.from(name -> null, openrc()::get));
        String serviceProject = admin.get("projects/" + keystone.createProject("service"))
                .path("project")
                .path("name")
                .asText();

        // What an operator does: the service user first, then the services, then the catalog.
        serviceUser = "mf-test-" + UUID.randomUUID().toString().substring(0, 8) + "-meterflow";
        String servicePassword = UUID.randomUUID().toString();
        int ratingPort = freePort();
        catalogEnvironment = new HashMap<>(openrc());
        catalogEnvironment.putAll(Map.of(
                "METERFLOW_KEYSTONE_USER", serviceUser,
                "METERFLOW_KEYSTONE_PASSWORD", servicePassword,
                "METERFLOW_KEYSTONE_PROJECT", serviceProject));
        catalog(
                "register",
                "--region",
                REGION,
                "--services",
                "rating",
                "--rating-url",
                "http://127.0.0.1:" + ratingPort,
                "--create-service-user");

        Map<String, String> asService = Map.of(
                "authMode",
                "keystone",
                "keystone.url",
                keystone.url(),
                "keystone.user",
                serviceUser,
                "keystone.password",
                servicePassword,
                "keystone.project",
                serviceProject,
                "keystone.domain",
                "Default");
        // ApiFixture sets the port (0) itself, and Dropwizard applies overrides in no fixed order:
        // the time-series API takes a free port and is registered on it once it listens.
        timeseries = ApiFixture.start(
                db,
                asService.entrySet().stream()
                        .map(setting -> ConfigOverride.config(setting.getKey(), setting.getValue()))
                        .toArray(ConfigOverride[]::new));
        Map<String, String> ratingSettings = new HashMap<>(asService);
        ratingSettings.put("server.connector.port", String.valueOf(ratingPort));
        rating = RatingApiFixture.start(db, ratingSettings);
        catalog(
                "register",
                "--region",
                REGION,
                "--services",
                "metric",
                "--metric-url",
                timeseries.baseUri().toString());

        // Both projects' data, written by the cloud admin.
        String adminToken = keystone.adminToken();
        GnocchiClient gnocchi = timeseries.anonymous().withHeader("X-Auth-Token", adminToken);
        alphaResource = UUID.randomUUID().toString();
        betaResource = UUID.randomUUID().toString();
        for (Map.Entry<String, String> resource :
                Map.of(alphaResource, alpha, betaResource, beta).entrySet()) {
            GnocchiClient.Reply created = gnocchi.post(
                    "/v1/resource/generic",
                    Map.of("id", resource.getKey(), "project_id", resource.getValue(), "user_id", "someone"));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
        }
        RatingApiFixture.Reply stored = rating.withToken(
                adminToken,
                "POST",
                "/v2/dataframes",
                Map.of(
                        "dataframes",
                        List.of(Map.of(
                                "period",
                                Map.of("begin", NOVEMBER, "end", "2026-11-01T01:00:00"),
                                "usage",
                                Map.of(
                                        "instance",
                                        List.of(point(alpha, "vm-a", "1.5"), point(beta, "vm-b", "2.25")))))));
        assertThat(stored.status()).as(stored.body()).isEqualTo(204);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rating != null) {
            rating.close();
        }
        if (timeseries != null) {
            timeseries.close();
        }
        if (catalogEnvironment != null) {
            catalog("unregister", "--region", REGION, "--delete-region", "--delete-service-user");
        }
        if (keystone != null) {
            keystone.close();
        }
    }

    @Test
    void aMemberListsOnlyItsOwnProjectsResources() throws Exception {
        JsonNode alices = openstack(alice, "alice", alpha, "metric", "resource", "list");
        assertThat(alices.findValuesAsText("id")).containsExactly(alphaResource);
        assertThat(alices.findValuesAsText("project_id")).containsOnly(alpha);

        JsonNode bobs = openstack(bob, "bob", beta, "metric", "resource", "list");
        assertThat(bobs.findValuesAsText("id")).containsExactly(betaResource);
        assertThat(bobs.findValuesAsText("project_id")).containsOnly(beta);

        assertRefused(cli(alice, "alice", alpha, "metric", "resource", "show", betaResource));
    }

    @Test
    void aMembersRatingSummaryHasOnlyItsOwnProjectsCosts() throws Exception {
        JsonNode alices = openstack(
                alice, "alice", alpha, "rating", "summary", "get", "-b", NOVEMBER, "-e", DECEMBER, "-g", "tenant_id");
        assertThat(alices.findValuesAsText("Tenant ID")).containsExactly(alpha);
        assertThat(new BigDecimal(alices.get(0).path("Rate").asText())).isEqualByComparingTo("1.5");

        JsonNode bobs = openstack(
                bob, "bob", beta, "rating", "summary", "get", "-b", NOVEMBER, "-e", DECEMBER, "-g", "tenant_id");
        assertThat(bobs.findValuesAsText("Tenant ID")).containsExactly(beta);
        assertThat(new BigDecimal(bobs.get(0).path("Rate").asText())).isEqualByComparingTo("2.25");

        assertRefused(
                cli(alice, "alice", alpha, "rating", "summary", "get", "-t", beta, "-b", NOVEMBER, "-e", DECEMBER));
    }

    private static Map<String, Object> point(String project, String id, String price) {
        return Map.of(
                "vol", Map.of("unit", "instance", "qty", "1"),
                "rating", Map.of("price", price),
                "groupby", Map.of("id", id, "project_id", project),
                "metadata", Map.of("flavor_name", "m1.small"));
    }

    private static Map<String, String> openrc() {
        return Map.of(
                "OS_AUTH_URL", keystone.url(),
                "OS_USERNAME", keystone.adminUser(),
                "OS_PASSWORD", keystone.adminPassword(),
                "OS_PROJECT_NAME", keystone.adminProject());
    }

    private static void catalog(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CatalogCommand.run(
                List.of(args),
                catalogEnvironment::get,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status)
                .as(
                        "catalog %s: %s%s",
                        args[0], out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8))
                .isZero();
    }

    /** Runs the openstack CLI as a project's member, through the catalog of this run's region; its JSON output. */
    private static JsonNode openstack(String user, String base, String projectId, String... command)
            throws IOException, InterruptedException {
        Cli cli = cli(user, base, projectId, command);
        assertThat(cli.status())
                .as("openstack %s: %s", String.join(" ", command), cli.err())
                .isZero();
        return JSON.readTree(cli.out());
    }

    /** The API refused the call (403, or 404 for what the caller may not see), not something on the way. */
    private static void assertRefused(Cli cli) {
        assertThat(cli.status()).as(cli.err()).isNotZero();
        assertThat(cli.err()).containsPattern("HTTP 40[34]|Forbidden|[Nn]ot authorized|[Dd]enied|[Nn]ot found");
    }

    private record Cli(int status, String out, String err) {}

    private static Cli cli(String user, String base, String projectId, String... command)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(
                OPENSTACK.toString(),
                "--os-auth-type",
                "password",
                "--os-identity-api-version",
                "3",
                "--os-auth-url",
                keystone.url(),
                "--os-username",
                user,
                "--os-password",
                base + "-pass",
                "--os-user-domain-name",
                "Default",
                "--os-project-id",
                projectId,
                "--os-region-name",
                REGION,
                "--os-interface",
                "public"));
        line.addAll(List.of(command));
        line.addAll(List.of("-f", "json"));
        ProcessBuilder builder = new ProcessBuilder(line);
        // Only the command line speaks: no openrc of the machine, no pyenv in front of Debian's Python.
        builder.environment().keySet().removeIf(name -> name.startsWith("OS_") || name.startsWith("PYTHON"));
        Path out = Files.createTempFile("openstack", ".out");
        Path err = Files.createTempFile("openstack", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            assertThat(process.waitFor(180, TimeUnit.SECONDS))
                    .as("openstack %s finished", String.join(" ", command))
                    .isTrue();
            return new Cli(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
