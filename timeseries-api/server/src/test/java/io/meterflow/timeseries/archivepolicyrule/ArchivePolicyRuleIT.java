package io.meterflow.timeseries.archivepolicyrule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/archive_policy_rule}, and how rules pick the policy of a metric created without one. */
@RealServices
class ArchivePolicyRuleIT {

    private static ApiFixture api;
    private static GnocchiClient admin;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        admin = api.admin();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void createsShowsRenamesAndDeletesARule() {
        String name = unique("crud");
        String renamed = name + "-renamed";

        Reply created = admin.post(
                "/v1/archive_policy_rule",
                Map.of("name", name, "metric_pattern", "crud.*", "archive_policy_name", "medium"));
        Reply shown = api.user("foobar").get("/v1/archive_policy_rule/" + name);
        Reply rename = admin.patch("/v1/archive_policy_rule/" + name, Map.of("name", renamed));
        Reply oldName = admin.get("/v1/archive_policy_rule/" + name);
        Reply delete = admin.delete("/v1/archive_policy_rule/" + renamed);
        Reply deleted = admin.get("/v1/archive_policy_rule/" + renamed);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(api.baseUri() + "/v1/archive_policy_rule/" + name);
        assertThat(created.body())
                .isEqualTo("{\"name\": \"" + name + "\", \"archive_policy_name\": \"medium\", "
                        + "\"metric_pattern\": \"crud.*\"}");
        assertThat(shown.json()).isEqualTo(created.json());
        assertThat(rename.status()).isEqualTo(200);
        assertThat(rename.json().get("name").asText()).isEqualTo(renamed);
        assertThat(rename.json().get("metric_pattern").asText()).isEqualTo("crud.*");
        assertThat(oldName.status()).isEqualTo(404);
        assertThat(oldName.description().asText()).isEqualTo("Archive policy rule " + name + " does not exist");
        assertThat(delete.status()).isEqualTo(204);
        assertThat(deleted.status()).isEqualTo(404);
    }

    @Test
    void listsRulesByPatternDescendingThenName() {
        String prefix = unique("order");
        for (String pattern : List.of("[x-z]*", "disk.*", "Disk.*", "d?sk.*", "a.*", "disk.io.*")) {
            createRule(prefix + "-" + pattern, pattern, "low");
        }

        List<String> patterns = new ArrayList<>();
        for (JsonNode rule : admin.get("/v1/archive_policy_rule").json()) {
            if (rule.get("name").asText().startsWith(prefix)
                    || rule.get("name").asText().equals("default")) {
                patterns.add(rule.get("metric_pattern").asText());
            }
        }

        assertThat(patterns).containsExactly("disk.io.*", "disk.*", "d?sk.*", "a.*", "[x-z]*", "Disk.*", "*");
    }

    @Test
    void metricWithoutPolicyTakesThePolicyOfTheFirstMatchingRule() {
        String prefix = unique("match");
        createRule(prefix + "-net", "net.*", "medium");
        createRule(prefix + "-netif", "net.if.*", "high");

        assertThat(policyOfNewMetric("net.if.rx")).isEqualTo("high"); // "net.if.*" sorts before "net.*"
        assertThat(policyOfNewMetric("net.packets")).isEqualTo("medium");
        assertThat(policyOfNewMetric("cpu.util")).isEqualTo("low"); // the default "*" rule
        assertThat(policyOfNewMetric(null)).isEqualTo("low"); // no name matches as ""
    }

    @Test
    void ruleForAnUnknownPolicyIsRejected() {
        String name = unique("unknown-policy");

        Reply reply = admin.post(
                "/v1/archive_policy_rule",
                Map.of("name", name, "metric_pattern", "x.*", "archive_policy_name", "nope"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.description().get("cause").asText()).isEqualTo("Archive policy does not exist");
        assertThat(reply.description().get("detail").asText()).isEqualTo("nope");
        assertThat(admin.get("/v1/archive_policy_rule/" + name).status()).isEqualTo(404);
    }

    @Test
    void duplicateNameConflicts() {
        String name = unique("dup");
        createRule(name, "dup.*", "low");

        Reply again = admin.post(
                "/v1/archive_policy_rule",
                Map.of("name", name, "metric_pattern", "other.*", "archive_policy_name", "medium"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.description().asText()).isEqualTo("Archive policy rule " + name + " already exists");
        assertThat(admin.get("/v1/archive_policy_rule/" + name)
                        .json()
                        .get("metric_pattern")
                        .asText())
                .isEqualTo("dup.*");
    }

    @Test
    void renameOntoAnExistingRuleIsRejected() {
        String first = unique("first");
        String second = unique("second");
        createRule(first, "first.*", "low");
        createRule(second, "second.*", "low");

        Reply taken = admin.patch("/v1/archive_policy_rule/" + first, Map.of("name", second));
        Reply extraKey = admin.patch("/v1/archive_policy_rule/" + first, Map.of("name", "x", "metric_pattern", "y"));
        Reply same = admin.patch("/v1/archive_policy_rule/" + first, Map.of("name", first));

        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.description().asText())
                .isEqualTo("Archive policy rule " + first + " does not support change: Archive policy rule " + second
                        + " already exists.");
        assertThat(extraKey.status()).isEqualTo(400);
        assertThat(extraKey.description().get("reason").asText())
                .isEqualTo("extra keys not allowed @ data['metric_pattern']");
        assertThat(same.status()).isEqualTo(200);
        assertThat(admin.get("/v1/archive_policy_rule/" + first)
                        .json()
                        .get("metric_pattern")
                        .asText())
                .isEqualTo("first.*");
    }

    @Test
    void invalidBodiesAreRejected() {
        String name = unique("invalid");

        Reply missing = admin.post("/v1/archive_policy_rule", Map.of("name", name, "archive_policy_name", "low"));
        Reply notString = admin.post(
                "/v1/archive_policy_rule", Map.of("name", name, "metric_pattern", 5, "archive_policy_name", "low"));
        Reply notJson = admin.send("POST", "/v1/archive_policy_rule", "text/plain", "{}");

        assertThat(missing.description().get("reason").asText())
                .isEqualTo("required key not provided @ data['metric_pattern']");
        assertThat(notString.description().get("reason").asText())
                .isEqualTo("expected str for dictionary value @ data['metric_pattern']");
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(admin.get("/v1/archive_policy_rule/" + name).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsChangeRulesButEveryoneReadsThem() {
        String name = unique("admin-only");
        GnocchiClient user = api.user("foobar");

        Reply create = user.post(
                "/v1/archive_policy_rule", Map.of("name", name, "metric_pattern", "x.*", "archive_policy_name", "low"));
        createRule(name, "admin.*", "low");
        Reply rename = user.patch("/v1/archive_policy_rule/" + name, Map.of("name", name + "-mine"));
        Reply delete = user.delete("/v1/archive_policy_rule/" + name);
        Reply deleteUnknown = user.delete("/v1/archive_policy_rule/" + unique("nope"));

        assertThat(create.status()).isEqualTo(403);
        assertThat(rename.status()).isEqualTo(403);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(deleteUnknown.status()).isEqualTo(404); // looked up before authorization, as Gnocchi does
        assertThat(user.get("/v1/archive_policy_rule/" + name).status()).isEqualTo(200);
        assertThat(user.get("/v1/archive_policy_rule").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/v1/archive_policy_rule").status()).isEqualTo(401);
    }

    private static void createRule(String name, String pattern, String policy) {
        Reply reply = admin.post(
                "/v1/archive_policy_rule",
                Map.of("name", name, "metric_pattern", pattern, "archive_policy_name", policy));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    private static String policyOfNewMetric(String name) {
        Reply reply = api.user("foobar").post("/v1/metric", name == null ? Map.of() : Map.of("name", name));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().get("archive_policy_name").asText();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
