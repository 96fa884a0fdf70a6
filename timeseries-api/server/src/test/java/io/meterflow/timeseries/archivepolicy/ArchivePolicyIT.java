package io.meterflow.timeseries.archivepolicy;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /v1/archive_policy} on a new install with the default profile. */
@RealServices
class ArchivePolicyIT {

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
    void newInstallHasGnocchisAndCeilometersPolicies() {
        Reply list = api.user("foobar").get("/v1/archive_policy");

        assertThat(list.status()).isEqualTo(200);
        assertThat(names(list.json()))
                .contains(
                        "low",
                        "medium",
                        "high",
                        "bool",
                        "ceilometer-low",
                        "ceilometer-low-rate",
                        "ceilometer-high",
                        "ceilometer-high-rate");
        JsonNode medium = admin.get("/v1/archive_policy/medium").json();
        assertThat(medium.get("back_window").asInt()).isZero();
        assertThat(medium.get("definition").toString())
                .isEqualTo("[{\"timespan\":\"7 days, 0:00:00\","
                        + "\"granularity\":\"0:01:00\",\"points\":10080},{\"timespan\":\"365 days, 0:00:00\","
                        + "\"granularity\":\"1:00:00\",\"points\":8760}]");
        assertThat(strings(medium.get("aggregation_methods")))
                .containsExactlyInAnyOrder("mean", "min", "max", "sum", "std", "count");
        JsonNode bool = admin.get("/v1/archive_policy/bool").json();
        assertThat(bool.get("back_window").asInt()).isEqualTo(3600);
        assertThat(strings(bool.get("aggregation_methods"))).containsExactly("last");
        assertThat(bool.get("definition").get(0).get("timespan").asText()).isEqualTo("365 days, 0:00:00");
        JsonNode highRate = admin.get("/v1/archive_policy/ceilometer-high-rate").json();
        assertThat(strings(highRate.get("aggregation_methods"))).containsExactlyInAnyOrder("mean", "rate:mean");
        assertThat(highRate.get("definition").findValuesAsText("points")).containsExactly("3600", "1440", "8760");
        JsonNode low = admin.get("/v1/archive_policy/low").json();
        assertThat(low.get("definition").get(0).get("granularity").asText()).isEqualTo("0:05:00");
        assertThat(low.get("definition").get(0).get("points").asLong()).isEqualTo(8640);
    }

    @Test
    void newInstallRoutesEveryMetricNameToLow() {
        Reply rules = admin.get("/v1/archive_policy_rule");

        assertThat(rules.json().toString())
                .contains("{\"name\":\"default\",\"archive_policy_name\":\"low\",\"metric_pattern\":\"*\"}");
    }

    @Test
    void createsShowsListsAndDeletesAPolicy() {
        String name = unique("crud");

        Reply created = admin.post(
                "/v1/archive_policy",
                Map.of(
                        "name",
                        name,
                        "back_window",
                        2,
                        "definition",
                        List.of(
                                Map.of("granularity", "1 second", "timespan", "1 hour"),
                                Map.of("granularity", 60, "points", 10)),
                        "aggregation_methods",
                        List.of("-std", "+rate:last")));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(api.baseUri() + "/v1/archive_policy/" + name);
        JsonNode policy = created.json();
        assertThat(policy.get("name").asText()).isEqualTo(name);
        assertThat(policy.get("back_window").asInt()).isEqualTo(2);
        assertThat(policy.get("definition").toString())
                .isEqualTo("[{\"timespan\":\"1:00:00\","
                        + "\"granularity\":\"0:00:01\",\"points\":3600},{\"timespan\":\"0:10:00\","
                        + "\"granularity\":\"0:01:00\",\"points\":10}]");
        assertThat(strings(policy.get("aggregation_methods")))
                .containsExactlyInAnyOrder("mean", "min", "max", "sum", "count", "rate:last");
        assertThat(api.user("foobar").get("/v1/archive_policy/" + name).json()).isEqualTo(policy);
        assertThat(names(admin.get("/v1/archive_policy").json())).contains(name);

        assertThat(admin.delete("/v1/archive_policy/" + name).status()).isEqualTo(204);
        Reply gone = admin.get("/v1/archive_policy/" + name);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.description().asText()).isEqualTo("Archive policy " + name + " does not exist");
        assertThat(names(admin.get("/v1/archive_policy").json())).doesNotContain(name);
    }

    @Test
    void granularityAloneKeepsPointsForever() {
        String name = unique("forever");

        Reply created = admin.post(
                "/v1/archive_policy", Map.of("name", name, "definition", List.of(Map.of("granularity", "1 minute"))));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("definition").toString())
                .isEqualTo("[{\"timespan\":null,\"granularity\":\"0:01:00\",\"points\":null}]");
    }

    @Test
    void duplicateNameConflictsAndKeepsTheFirstPolicy() {
        String name = unique("dup");
        admin.createPolicy(Map.of("name", name, "definition", List.of(Map.of("granularity", 60, "points", 5))));

        Reply again = admin.post(
                "/v1/archive_policy",
                Map.of("name", name, "definition", List.of(Map.of("granularity", 1, "points", 5))));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.description().asText()).isEqualTo("Archive policy " + name + " already exists");
        assertThat(admin.get("/v1/archive_policy/" + name)
                        .json()
                        .get("definition")
                        .get(0)
                        .get("granularity")
                        .asText())
                .isEqualTo("0:01:00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "{\"definition\": [{\"granularity\": \"1 minute\", \"points\": 10, \"timespan\": \"1 hour\"}]}"
                        + " | timespan ≠ granularity × points",
                "{\"definition\": [{\"granularity\": 60, \"points\": 5}, {\"granularity\": \"1 minute\", \"points\": 10}]}"
                        + " | More than one archive policy uses granularity `60.0'",
                "{\"definition\": [{\"granularity\": \"2 hours\", \"timespan\": \"1 hour\"}]}"
                        + " | Calculated number of points is < 0",
                "{\"definition\": [{\"points\": 10}]} | At least two of granularity/points/timespan must be provided",
                "{\"definition\": []} | length of value must be at least 1 for dictionary value @ data['definition']",
                "{} | required key not provided @ data['definition']",
                "{\"definition\": [{\"granularity\": \"garbage\", \"points\": 10}]}"
                        + " | Unable to parse timespan for dictionary value @ data['definition'][0]['granularity']",
                "{\"definition\": [{\"granularity\": 0, \"points\": 10}]}"
                        + " | Timespan must be positive for dictionary value @ data['definition'][0]['granularity']",
                "{\"definition\": [{\"granularity\": 60, \"points\": 0}]}"
                        + " | value must be at least 1 for dictionary value @ data['definition'][0]['points']",
                "{\"definition\": [{\"granularity\": 60, \"points\": 5, \"foo\": 1}]}"
                        + " | extra keys not allowed @ data['definition'][0]['foo']",
                "{\"definition\": [{\"granularity\": 60}], \"aggregation_methods\": [\"mean\", \"wtf\"]}"
                        + " | not a valid value @ data['aggregation_methods'][1]",
                "{\"definition\": [{\"granularity\": 60}], \"back_window\": -1}"
                        + " | value must be at least 0 for dictionary value @ data['back_window']",
                "{\"definition\": [{\"granularity\": 60}], \"back_window\": \"abc\"}"
                        + " | expected int for dictionary value @ data['back_window']",
                "{\"definition\": [{\"granularity\": 60}], \"foo\": 1} | extra keys not allowed @ data['foo']"
            })
    void invalidDefinitionIsRejectedAndNothingIsCreated(String bodyWithoutName, String message) {
        String name = unique("invalid");
        String body = bodyWithoutName.replaceFirst(
                "\\{", "{\"name\": \"" + name + "\"" + (bodyWithoutName.equals("{}") ? "" : ", "));

        Reply reply = admin.post("/v1/archive_policy", body);

        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        JsonNode description = reply.description();
        assertThat(
                        description.isTextual()
                                ? description.asText()
                                : description.get("reason").asText())
                .isEqualTo(message);
        assertThat(admin.get("/v1/archive_policy/" + name).status()).isEqualTo(404);
    }

    @Test
    void policyInUseByAMetricOrARuleCannotBeDeleted() {
        String name = unique("used");
        admin.createPolicy(Map.of("name", name, "definition", List.of(Map.of("granularity", 60, "points", 5))));
        String metric = admin.createMetric(name);
        assertThat(admin.post(
                                "/v1/archive_policy_rule",
                                Map.of("name", name, "metric_pattern", name + ".*", "archive_policy_name", name))
                        .status())
                .isEqualTo(201);

        Reply inUse = admin.delete("/v1/archive_policy/" + name);
        assertThat(admin.delete("/v1/metric/" + metric).status()).isEqualTo(204);
        Reply stillInUse = admin.delete("/v1/archive_policy/" + name);
        assertThat(admin.delete("/v1/archive_policy_rule/" + name).status()).isEqualTo(204);
        Reply free = admin.delete("/v1/archive_policy/" + name);

        assertThat(inUse.status()).isEqualTo(400);
        assertThat(inUse.description().asText()).isEqualTo("Archive policy " + name + " is still in use");
        assertThat(stillInUse.status()).isEqualTo(400);
        assertThat(free.status()).isEqualTo(204);
    }

    @Test
    void patchChangesPointsButNeverGranularities() {
        String name = unique("patch");
        admin.createPolicy(Map.of(
                "name",
                name,
                "definition",
                List.of(Map.of("granularity", 60, "points", 5), Map.of("granularity", 3600, "points", 5))));
        JsonNode before = admin.get("/v1/archive_policy/" + name).json();
        String path = "/v1/archive_policy/" + name;

        Reply changedGranularity = admin.patch(
                path,
                Map.of(
                        "definition",
                        List.of(Map.of("granularity", 1, "points", 5), Map.of("granularity", 3600, "points", 5))));
        Reply dropped = admin.patch(path, Map.of("definition", List.of(Map.of("granularity", 60, "points", 5))));
        Reply extraKey = admin.patch(path, Map.of("back_window", 1, "definition", List.of()));
        Reply notAdmin = api.user("foobar").patch(path, Map.of("definition", List.of()));
        assertThat(admin.get(path).json()).isEqualTo(before);
        Reply grown = admin.patch(
                path,
                Map.of(
                        "definition",
                        List.of(
                                Map.of("granularity", "1 minute", "timespan", "1 day"),
                                Map.of("granularity", 3600, "points", 5))));

        assertThat(changedGranularity.status()).isEqualTo(400);
        assertThat(changedGranularity.description().asText())
                .isEqualTo(
                        "Archive policy " + name + " does not support change: 60.0 granularity interval was changed");
        assertThat(dropped.description().asText())
                .isEqualTo("Archive policy " + name + " does not support change: Cannot add or drop granularities");
        assertThat(extraKey.description().get("reason").asText())
                .isEqualTo("extra keys not allowed @ data['back_window']");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(grown.status()).isEqualTo(200);
        assertThat(grown.json().get("definition").get(0).get("points").asLong()).isEqualTo(1440);
        assertThat(admin.get(path)
                        .json()
                        .get("definition")
                        .get(0)
                        .get("timespan")
                        .asText())
                .isEqualTo("1 day, 0:00:00");
        assertThat(admin.patch("/v1/archive_policy/" + unique("nope"), Map.of("definition", List.of()))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsChangePolicies() {
        String name = unique("admin-only");
        GnocchiClient user = api.user("foobar");
        Map<String, Object> body = Map.of("name", name, "definition", List.of(Map.of("granularity", 60)));

        Reply create = user.post("/v1/archive_policy", body);
        Reply createInvalid = user.post("/v1/archive_policy", Map.of("name", name));
        admin.createPolicy(body);
        Reply delete = user.delete("/v1/archive_policy/" + name);

        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().get("title").asText()).isEqualTo("Forbidden");
        assertThat(createInvalid.status()).isEqualTo(403); // authorization before validation
        assertThat(delete.status()).isEqualTo(403);
        assertThat(admin.get("/v1/archive_policy/" + name).status()).isEqualTo(200);
    }

    @Test
    void withoutCredentialsEverythingIsUnauthorized() {
        GnocchiClient anonymous = api.anonymous();
        String name = unique("anonymous");

        assertThat(anonymous.get("/v1/archive_policy").status()).isEqualTo(401);
        assertThat(anonymous.get("/v1/archive_policy/low").status()).isEqualTo(401);
        assertThat(anonymous.post("/v1/archive_policy", Map.of("name", name)).status())
                .isEqualTo(401);
        assertThat(anonymous
                        .withHeader("Authorization", "Bearer x")
                        .get("/v1/archive_policy")
                        .status())
                .isEqualTo(401);
        assertThat(admin.get("/v1/archive_policy/" + name).status()).isEqualTo(404);
    }

    @Test
    void bodyMustBeJson() {
        String name = unique("media");
        String body = "{\"name\": \"" + name + "\", \"definition\": [{\"granularity\": 60}]}";

        Reply textPlain = admin.send("POST", "/v1/archive_policy", "text/plain", body);
        Reply noType = admin.send("POST", "/v1/archive_policy", null, body);
        Reply withCharset = admin.send(
                "POST", "/v1/archive_policy", "application/json; charset=utf-8", body.replace(name, name + "-charset"));
        Reply malformed = admin.post("/v1/archive_policy", "{\"name\": ");
        Reply patchTextPlain = admin.send("PATCH", "/v1/archive_policy/low", "text/plain", "{\"definition\": []}");

        assertThat(textPlain.status()).isEqualTo(415);
        assertThat(textPlain.json().get("title").asText()).isEqualTo("Unsupported Media Type");
        assertThat(noType.status()).isEqualTo(415);
        assertThat(withCharset.status()).isEqualTo(201);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.description().get("cause").asText()).isEqualTo("Unable to decode body");
        assertThat(patchTextPlain.status()).isEqualTo(415);
        assertThat(admin.get("/v1/archive_policy/" + name).status()).isEqualTo(404);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> names(JsonNode policies) {
        return policies.findValuesAsText("name");
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
