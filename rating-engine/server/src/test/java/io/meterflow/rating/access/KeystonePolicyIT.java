package io.meterflow.rating.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.KeystoneServer;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rating API behind a real Keystone with CloudKitty 22's secure-RBAC defaults: a project's
 * reader reads its own project's summaries and rated data and nothing else, whatever it filters
 * on; everything else is the admin's; refusals come in the shape CloudKitty gives each API; a
 * revoked token stops working within the cache time; an operator's policy file changes a rule.
 * Skipped without a Keystone (METERFLOW_TEST_KEYSTONE_URL; .ci/run starts one).
 */
@RealServices
class KeystonePolicyIT {

    private static KeystoneServer keystone;
    private static RatingApiFixture api;
    private static String alpha;
    private static String beta;
    private static String admin;
    private static String alphaReader;
    private static String betaMember;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        keystone = KeystoneServer.fromEnvironment().orElse(null);
        assumeTrue(keystone != null, "no Keystone: set METERFLOW_TEST_KEYSTONE_URL (.ci/run starts one)");
        alpha = keystone.createProject("alpha");
        beta = keystone.createProject("beta");
        keystone.createUser("rita", alpha, "reader");
        keystone.createUser("bob", beta, "member");
        admin = keystone.adminToken();
        alphaReader = keystone.token("rita", alpha);
        betaMember = keystone.token("bob", beta);
        api = RatingApiFixture.start(db, keystoneSettings(Map.of()));
        RatingApiFixture.Reply stored = api.withToken(
                admin,
                "POST",
                "/v2/dataframes",
                Map.of(
                        "dataframes",
                        List.of(Map.of(
                                "period", Map.of("begin", "2026-11-01T00:00:00", "end", "2026-11-01T01:00:00"),
                                "usage",
                                        Map.of(
                                                "instance",
                                                List.of(point(alpha, "vm-a", "1.5"), point(beta, "vm-b", "2.25")))))));
        assertThat(stored.status()).as(stored.body()).isEqualTo(204);
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

    private static Map<String, String> keystoneSettings(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("authMode", "keystone");
        settings.put("keystone.url", keystone.url());
        settings.put("keystone.user", keystone.adminUser());
        settings.put("keystone.password", keystone.adminPassword());
        settings.put("keystone.project", keystone.adminProject());
        settings.put("keystone.cacheSeconds", "1");
        return settings;
    }

    private static Map<String, Object> point(String project, String id, String price) {
        return Map.of(
                "vol", Map.of("unit", "instance", "qty", "1"),
                "rating", Map.of("price", price),
                "groupby", Map.of("id", id, "project_id", project),
                "metadata", Map.of("flavor_name", "m1.small"));
    }

    private static final String NOVEMBER = "begin=2026-11-01T00:00:00&end=2026-12-01T00:00:00";

    @Test
    void withoutAValidTokenOnlyTheVersionsAnswer() {
        RatingApiFixture.Reply none = api.withToken(null, "GET", "/v2/summary?" + NOVEMBER, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().path("error").path("title").asText()).isEqualTo("Unauthorized");
        assertThat(api.withToken("gAAAAAB-forged", "GET", "/v1/info/config", null)
                        .status())
                .isEqualTo(401);
        assertThat(api.withToken(null, "GET", "/", null).status()).isEqualTo(200);
    }

    @Test
    void aReaderSeesItsOwnProjectWhateverItFiltersOn() {
        JsonNode summary =
                ok(alphaReader, "GET", "/v2/summary?groupby=project_id&filters=project_id:" + beta + "&" + NOVEMBER);
        assertThat(projects(summary)).containsExactly(alpha);
        JsonNode frames = ok(alphaReader, "GET", "/v2/dataframes?filters=project_id:" + beta + "&" + NOVEMBER);
        assertThat(frames.get("total").asInt()).isEqualTo(1);
        assertThat(frames.findValuesAsText("project_id")).containsOnly(alpha);
        assertThat(new BigDecimal(
                        ok(alphaReader, "GET", "/v1/report/total?" + NOVEMBER).asText()))
                .isEqualByComparingTo("1.5");
        // A member holds reader by Keystone's implied roles.
        assertThat(projects(ok(betaMember, "GET", "/v2/summary?groupby=project_id&" + NOVEMBER)))
                .containsExactly(beta);
        assertThat(projects(ok(admin, "GET", "/v2/summary?groupby=project_id&" + NOVEMBER)))
                .containsExactlyInAnyOrder(alpha, beta);
    }

    @Test
    void everythingElseIsTheAdminsAndRefusalsComeInCloudKittysShapes() {
        RatingApiFixture.Reply v2 =
                api.withToken(alphaReader, "POST", "/v2/dataframes", Map.of("dataframes", List.of()));
        assertThat(v2.status()).isEqualTo(403);
        assertThat(v2.json().get("message").asText()).isEqualTo("You are not authorized to perform this action");

        RatingApiFixture.Reply moduleConfig =
                api.withToken(alphaReader, "GET", "/v1/rating/module_config/hashmap/services", null);
        assertThat(moduleConfig.status()).isEqualTo(403);
        assertThat(moduleConfig.json().get("description").asText())
                .isEqualTo("Policy doesn't allow rating:module_config to be performed.");

        RatingApiFixture.Reply otherTenant =
                api.withToken(alphaReader, "GET", "/v1/report/total?tenant_id=" + beta + "&" + NOVEMBER, null);
        assertThat(otherTenant.status()).isEqualTo(403);
        assertThat(otherTenant.json().get("faultstring").asText())
                .isEqualTo("Policy doesn't allow report:get_total to be performed.");
        assertThat(api.withToken(alphaReader, "GET", "/v1/storage/dataframes?tenant_id=" + beta, null)
                        .status())
                .isEqualTo(403);
        assertThat(api.withToken(alphaReader, "GET", "/v2/scope", null).status())
                .isEqualTo(403);
        assertThat(api.withToken(alphaReader, "GET", "/v2/billing/plans", null).status())
                .isEqualTo(403);

        // Open to every caller with a token, as in CloudKitty.
        assertThat(api.withToken(alphaReader, "GET", "/v1/info/config", null).status())
                .isEqualTo(200);
        assertThat(api.withToken(alphaReader, "POST", "/v1/rating/quote", Map.of("resources", List.of()))
                        .status())
                .isNotIn(401, 403);
        assertThat(api.withToken(admin, "GET", "/v1/rating/module_config/hashmap/services", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRuleIsCreatedByTheTokensUserNotByTheUserAHeaderClaims() {
        JsonNode service = api.withToken(
                        admin, "POST", "/v1/rating/module_config/hashmap/services", Map.of("name", "audited"))
                .json();
        RatingApiFixture.Reply mapping = api.withTokenAndHeader(
                admin,
                "X-User-Id",
                "someone-else",
                "POST",
                "/v1/rating/module_config/hashmap/mappings",
                Map.of("service_id", service.get("service_id").asText(), "cost", "1", "type", "flat"));
        assertThat(mapping.status()).as(mapping.body()).isEqualTo(201);
        assertThat(mapping.json().get("created_by").asText())
                .isNotEqualTo("someone-else")
                .isNotEmpty();
    }

    @Test
    void aRevokedTokenIsRefusedOnceTheCacheTimeIsOver() throws Exception {
        String token = keystone.token("rita", alpha);
        assertThat(api.withToken(token, "GET", "/v1/info/config", null).status())
                .isEqualTo(200);
        keystone.revoke(token);
        Thread.sleep(1_500); // keystone.cacheSeconds is 1
        assertThat(api.withToken(token, "GET", "/v1/info/config", null).status())
                .isEqualTo(401);
    }

    @Test
    void anOperatorsPolicyFileChangesOneRuleAndKeepsTheOthers(PostgresDatabase db, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("policy.yaml"), "\"summary:get_summary\": \"role:admin\"\n");
        try (RatingApiFixture strict =
                RatingApiFixture.start(db, keystoneSettings(Map.of("policyFile", file.toString())))) {
            assertThat(strict.withToken(alphaReader, "GET", "/v2/summary?" + NOVEMBER, null)
                            .status())
                    .isEqualTo(403);
            assertThat(strict.withToken(alphaReader, "GET", "/v2/dataframes?" + NOVEMBER, null)
                            .status())
                    .isEqualTo(200);
        }
    }

    private static JsonNode ok(String token, String method, String path) {
        RatingApiFixture.Reply reply = api.withToken(token, method, path, null);
        assertThat(reply.status()).as(method + " " + path + ": " + reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> projects(JsonNode summary) {
        int column = -1;
        JsonNode columns = summary.get("columns");
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).asText().equals("project_id")) {
                column = i;
            }
        }
        List<String> projects = new ArrayList<>();
        for (JsonNode row : summary.get("results")) {
            projects.add(row.get(column).asText());
        }
        return projects;
    }
}
