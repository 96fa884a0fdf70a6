package io.meterflow.timeseries.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.meterflow.policy.RuleDefault;
import io.meterflow.testsupport.KeystoneServer;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import io.meterflow.timeseries.access.GnocchiPolicies;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time-series API behind a real Keystone ({@code authMode: keystone}), judged by Gnocchi's
 * policy: every endpoint checked for who may and may not call it, and a member of project alpha
 * never reads anything of project beta through a listing, search, aggregate, history or metric.
 * A missing, forged or revoked token is a 401 in keystonemiddleware's shape, a Keystone that
 * cannot be asked a 503, and an operator's policy file changes one rule. Skipped without a
 * Keystone (METERFLOW_TEST_KEYSTONE_URL; .ci/run starts one).
 */
@RealServices
class KeystoneAuthIT {

    private static KeystoneServer keystone;
    private static ApiFixture api;
    private static String alpha;
    private static String beta;
    private static GnocchiClient admin;
    private static GnocchiClient alphaMember;
    private static GnocchiClient alphaReader;
    private static GnocchiClient betaMember;
    private static String alphaResource;
    private static String betaResource;
    private static String alphaMetric;
    private static String betaMetric;

    @TempDir
    static Path files;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        keystone = KeystoneServer.fromEnvironment().orElse(null);
        assumeTrue(keystone != null, "no Keystone: set METERFLOW_TEST_KEYSTONE_URL (.ci/run starts one)");
        alpha = keystone.createProject("alpha");
        beta = keystone.createProject("beta");
        keystone.createUser("alice", alpha, "member");
        keystone.createUser("rita", alpha, "reader");
        keystone.createUser("bob", beta, "member");
        // An operator's file changes one rule: alpha's members may read the processing status.
        Path policy = files.resolve("policy.yaml");
        Files.writeString(policy, "\"get status\": \"role:admin or project_id:" + alpha + "\"\n");
        api = ApiFixture.start(db, keystoneSettings(keystone.url(), policy));
        admin = withToken(keystone.adminToken());
        alphaMember = withToken(keystone.token("alice", alpha));
        alphaReader = withToken(keystone.token("rita", alpha));
        betaMember = withToken(keystone.token("bob", beta));

        alphaResource = UUID.randomUUID().toString();
        betaResource = UUID.randomUUID().toString();
        alphaMetric = createResource(admin, alphaResource, alpha);
        betaMetric = createResource(admin, betaResource, beta);
        for (String metric : List.of(alphaMetric, betaMetric)) {
            Reply posted = admin.post(
                    "/v1/metric/" + metric + "/measures",
                    GnocchiClient.measures("2026-11-01T10:00:00", 1, "2026-11-01T10:05:00", 3));
            assertThat(posted.status()).as("%s", posted).isEqualTo(202);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
        if (keystone != null) {
            keystone.close();
        }
    }

    private static ConfigOverride[] keystoneSettings(String url, Path policy) {
        List<ConfigOverride> settings = new ArrayList<>(List.of(
                ConfigOverride.config("authMode", "keystone"),
                ConfigOverride.config("keystone.url", url),
                ConfigOverride.config("keystone.user", keystone.adminUser()),
                ConfigOverride.config("keystone.password", keystone.adminPassword()),
                ConfigOverride.config("keystone.project", keystone.adminProject()),
                ConfigOverride.config("keystone.cacheSeconds", "1")));
        if (policy != null) {
            settings.add(ConfigOverride.config("policyFile", policy.toString()));
        }
        return settings.toArray(ConfigOverride[]::new);
    }

    private static GnocchiClient withToken(String token) {
        return api.anonymous().withHeader("X-Auth-Token", token);
    }

    private static String createResource(GnocchiClient client, String id, String project) {
        Reply created = client.post(
                "/v1/resource/generic",
                Map.of(
                        "id",
                        id,
                        "project_id",
                        project,
                        "user_id",
                        "someone",
                        "metrics",
                        Map.of("cpu", Map.of("archive_policy_name", "low"))));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().path("metrics").path("cpu").asText();
    }

    @Test
    void withoutAValidTokenNothingButTheVersionsAnswers() {
        Reply none = api.anonymous().get("/v1/resource/generic");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().path("error").path("message").asText()).contains("requires authentication");
        assertThat(none.header("WWW-Authenticate")).startsWith("Keystone uri=");
        assertThat(withToken("gAAAAAB-forged").get("/v1/metric").status()).isEqualTo(401);
        assertThat(api.anonymous()
                        .post("/v1/metric", Map.of("archive_policy_name", "low"))
                        .status())
                .isEqualTo(401);
        assertThat(api.anonymous().get("/").status()).isEqualTo(200);
        // A service token rides along with a user's: a forged one fails the request, as keystonemiddleware's.
        assertThat(alphaMember
                        .withHeader("X-Service-Token", "gAAAAAB-forged")
                        .get("/v1/metric")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aMemberListsAndSearchesOnlyItsProjectsResources() {
        assertThat(ids(alphaMember.get("/v1/resource/generic")))
                .contains(alphaResource)
                .doesNotContain(betaResource);
        assertThat(ids(alphaMember.post("/v1/search/resource/generic", Map.of())))
                .contains(alphaResource)
                .doesNotContain(betaResource);
        assertThat(ids(alphaMember.post("/v1/search/resource/generic", Map.of("=", Map.of("project_id", beta)))))
                .isEmpty();
        assertThat(ids(alphaMember.post("/v1/search/resource/generic?filter=project_id%3D%27" + beta + "%27", "")))
                .isEmpty();
        assertThat(ids(alphaMember.get("/v1/resource/generic?history=true"))).doesNotContain(betaResource);
        assertThat(ids(betaMember.get("/v1/resource/generic")))
                .contains(betaResource)
                .doesNotContain(alphaResource);
        assertThat(ids(admin.get("/v1/resource/generic"))).contains(alphaResource, betaResource);
    }

    @Test
    void aMemberReadsNothingOfAnotherProject() {
        assertThat(alphaMember.get("/v1/resource/generic/" + alphaResource).status())
                .isEqualTo(200);
        assertThat(alphaMember.get("/v1/resource/generic/" + betaResource).status())
                .isEqualTo(403);
        assertThat(alphaMember
                        .get("/v1/resource/generic/" + betaResource + "/history")
                        .status())
                .isEqualTo(403);
        assertThat(alphaMember
                        .get("/v1/resource/generic/" + betaResource + "/metric/cpu/measures")
                        .status())
                .isEqualTo(403);
        assertThat(alphaMember.get("/v1/metric/" + betaMetric).status()).isEqualTo(403);
        assertThat(alphaMember.get("/v1/metric/" + betaMetric + "/measures").status())
                .isEqualTo(403);
        assertThat(alphaMember
                        .get("/v1/metric/" + alphaMetric + "/measures?refresh=true")
                        .status())
                .isEqualTo(200);
        assertThat(ids(alphaMember.get("/v1/metric"))).contains(alphaMetric).doesNotContain(betaMetric);
        assertThat(alphaMember
                        .post(
                                "/v1/aggregates",
                                Map.of("operations", "(aggregate mean (metric " + betaMetric + " mean))"))
                        .status())
                .isEqualTo(403);
        assertThat(alphaMember
                        .post("/v1/search/metric?metric_id=" + betaMetric, Map.of(">=", 0))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aggregatesAcrossResourcesReadOnlyTheCallersProject() {
        Reply grouped = alphaMember.post(
                "/v1/aggregates?groupby=project_id&refresh=true",
                Map.of(
                        "operations", "(aggregate sum (metric cpu mean))",
                        "resource_type", "generic",
                        "search", Map.of("=", Map.of("type", "generic"))));
        assertThat(grouped.status()).as("%s", grouped).isEqualTo(200);
        List<String> projects = grouped.json().findValuesAsText("project_id");
        assertThat(projects).containsOnly(alpha);

        Reply asAdmin = admin.post(
                "/v1/aggregates?groupby=project_id&refresh=true",
                Map.of(
                        "operations", "(aggregate sum (metric cpu mean))",
                        "resource_type", "generic",
                        "search", Map.of("=", Map.of("type", "generic"))));
        assertThat(asAdmin.json().findValuesAsText("project_id")).contains(alpha, beta);
    }

    @Test
    void aMemberCannotChangeOrDeleteWhatItDidNotCreate() {
        assertThat(alphaMember
                        .patch("/v1/resource/generic/" + alphaResource, Map.of("user_id", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(alphaMember.delete("/v1/resource/generic/" + betaResource).status())
                .isEqualTo(403);
        assertThat(alphaMember
                        .post(
                                "/v1/metric/" + betaMetric + "/measures",
                                GnocchiClient.measures("2026-11-01T10:10:00", 5))
                        .status())
                .isEqualTo(403);
        assertThat(alphaMember.delete("/v1/metric/" + betaMetric).status()).isEqualTo(403);
        Reply bulk = alphaMember.send(
                "DELETE", "/v1/resource/generic", "application/json", Map.of("=", Map.of("project_id", beta)));
        assertThat(bulk.status()).as("%s", bulk).isEqualTo(200);
        assertThat(bulk.json().path("deleted").asInt()).isZero();
        assertThat(admin.get("/v1/resource/generic/" + betaResource).status()).isEqualTo(200);
    }

    @Test
    void whatAMemberCreatesItsProjectOwnsAndOthersCannotSee() {
        String id = UUID.randomUUID().toString();
        String metric = createResource(alphaMember, id, alpha);
        assertThat(alphaMember
                        .post("/v1/metric/" + metric + "/measures", GnocchiClient.measures("2026-11-01T10:00:00", 2))
                        .status())
                .isEqualTo(202);
        assertThat(alphaReader.get("/v1/resource/generic/" + id).status()).isEqualTo(200);
        assertThat(betaMember.get("/v1/resource/generic/" + id).status()).isEqualTo(403);
        assertThat(ids(betaMember.get("/v1/metric"))).doesNotContain(metric);
        assertThat(alphaMember.delete("/v1/resource/generic/" + id).status()).isEqualTo(204);
    }

    @Test
    void aReaderReadsItsProjectButWritesNothingItDidNotCreate() {
        assertThat(alphaReader.get("/v1/resource/generic/" + alphaResource).status())
                .isEqualTo(200);
        assertThat(alphaReader.get("/v1/metric/" + alphaMetric + "/measures").status())
                .isEqualTo(200);
        assertThat(alphaReader.get("/v1/resource/generic/" + betaResource).status())
                .isEqualTo(403);
        assertThat(alphaReader
                        .post(
                                "/v1/metric/" + alphaMetric + "/measures",
                                GnocchiClient.measures("2026-11-01T10:10:00", 5))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void archivePoliciesRulesAndResourceTypesAreTheAdminsToChange() {
        String name = "ks-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> policy = Map.of("name", name, "definition", List.of(Map.of("granularity", 60)));
        assertThat(alphaMember.post("/v1/archive_policy", policy).status()).isEqualTo(403);
        assertThat(alphaMember.get("/v1/archive_policy").status()).isEqualTo(200);
        assertThat(alphaMember.get("/v1/archive_policy/low").status()).isEqualTo(200);
        assertThat(admin.post("/v1/archive_policy", policy).status()).isEqualTo(201);
        assertThat(alphaMember
                        .patch("/v1/archive_policy/" + name, Map.of("definition", List.of(Map.of("granularity", 60))))
                        .status())
                .isEqualTo(403);
        assertThat(alphaMember
                        .post(
                                "/v1/archive_policy_rule",
                                Map.of("name", name, "metric_pattern", name + ".*", "archive_policy_name", name))
                        .status())
                .isEqualTo(403);
        assertThat(alphaMember.get("/v1/archive_policy_rule").status()).isEqualTo(200);
        assertThat(alphaMember.delete("/v1/archive_policy/" + name).status()).isEqualTo(403);
        assertThat(admin.delete("/v1/archive_policy/" + name).status()).isEqualTo(204);

        assertThat(alphaMember.post("/v1/resource_type", Map.of("name", name)).status())
                .isEqualTo(403);
        assertThat(alphaMember.get("/v1/resource_type").status()).isEqualTo(200);
        assertThat(admin.post("/v1/resource_type", Map.of("name", name)).status())
                .isEqualTo(201);
        assertThat(alphaMember.delete("/v1/resource_type/" + name).status()).isEqualTo(403);
        assertThat(admin.delete("/v1/resource_type/" + name).status()).isEqualTo(204);
    }

    @Test
    void theOperatorsPolicyFileChangesOneRule() {
        assertThat(admin.get("/v1/status").status()).isEqualTo(200);
        assertThat(alphaMember.get("/v1/status").status()).isEqualTo(200);
        assertThat(betaMember.get("/v1/status").status()).isEqualTo(403);
    }

    @Test
    void aRevokedTokenIsRefusedWithinTheCacheTime() throws Exception {
        String token = keystone.token("alice", alpha);
        assertThat(withToken(token).get("/v1/resource/generic").status()).isEqualTo(200);
        keystone.revoke(token);
        Thread.sleep(1_500); // keystone.cacheSeconds is 1
        Reply refused = withToken(token).get("/v1/resource/generic");
        assertThat(refused.status()).isEqualTo(401);
    }

    /**
     * One request per operation Gnocchi's policy documents, path parameters filled in with objects
     * that exist: Gnocchi looks an object up (404) and validates a body (400) before its policy.
     */
    private static List<String[]> documentedCalls(String archivePolicyRule, String resourceType) {
        List<String[]> calls = new ArrayList<>();
        for (RuleDefault rule : GnocchiPolicies.defaults()) {
            for (String operation : rule.operations()) {
                String[] parts = operation.split(" ", 2);
                String name = parts[1].startsWith("/v1/archive_policy_rule/")
                        ? archivePolicyRule
                        : parts[1].startsWith("/v1/resource_type/") ? resourceType : "low";
                String path = parts[1].replace("{type}", "generic")
                        .replace("{id}", alphaResource)
                        .replace("{name}", name);
                calls.add(new String[] {parts[0], path, rule.name(), rule.checkString()});
            }
        }
        return calls;
    }

    private static Reply call(GnocchiClient client, String[] call) {
        if (call[0].equals("GET") || call[0].equals("DELETE")) {
            return client.send(call[0], call[1], null, null);
        }
        boolean named = call[1].equals("/v1/resource_type") || call[1].startsWith("/v1/archive_policy_rule/");
        Object body = named ? Map.of("name", "denied-" + UUID.randomUUID()) : Map.of();
        return client.send(call[0], call[1], "application/json", body);
    }

    @Test
    void everyDocumentedCallNeedsATokenAndAdminRulesRefuseAMember() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post(
                                "/v1/archive_policy_rule",
                                Map.of(
                                        "name",
                                        "r-" + suffix,
                                        "metric_pattern",
                                        "r-" + suffix,
                                        "archive_policy_name",
                                        "low"))
                        .status())
                .isEqualTo(201);
        assertThat(admin.post("/v1/resource_type", Map.of("name", "t-" + suffix))
                        .status())
                .isEqualTo(201);
        List<String[]> calls = documentedCalls("r-" + suffix, "t-" + suffix);
        assertThat(calls).hasSizeGreaterThan(30);
        SoftAssertions softly = new SoftAssertions();
        for (String[] call : calls) {
            String what = call[0] + " " + call[1] + " (" + call[2] + ")";
            softly.assertThat(call(api.anonymous(), call).status())
                    .as("no token: " + what)
                    .isEqualTo(401);
            int asMember = call(alphaMember, call).status();
            if (call[3].equals("role:admin") && !call[2].equals("get status")) {
                softly.assertThat(asMember).as("a member: " + what).isEqualTo(403);
            } else if (call[3].isEmpty()) {
                softly.assertThat(asMember)
                        .as("a member: " + what)
                        .isNotIn(401, 403)
                        .isLessThan(500);
            }
        }
        softly.assertAll();
    }

    @Test
    void aKeystoneThatCannotBeAskedIsA503NeverAccess(PostgresDatabase db) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ApiFixture down = ApiFixture.start(db, keystoneSettings("http://127.0.0.1:" + closed + "/v3", null));
        try {
            Reply reply =
                    down.anonymous().withHeader("X-Auth-Token", "anything").get("/v1/resource/generic");
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().path("error").path("message").asText()).contains("Keystone is not available");
            assertThat(down.anonymous().get("/v1/resource/generic").status()).isEqualTo(401);
            SoftAssertions softly = new SoftAssertions();
            for (String[] call : documentedCalls("any", "any")) {
                softly.assertThat(call(down.anonymous().withHeader("X-Auth-Token", "anything"), call)
                                .status())
                        .as(call[0] + " " + call[1])
                        .isEqualTo(503);
            }
            softly.assertAll();
        } finally {
            down.close();
        }
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : reply.json()) {
            ids.add(item.path("id").asText());
        }
        return ids;
    }
}
