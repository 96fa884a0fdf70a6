package io.meterflow.timeseries.metric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Creating, showing and deleting single metrics over {@code /v1/metric}. */
@RealServices
class MetricIT {

    private static ApiFixture api;
    private static GnocchiClient admin;
    private static GnocchiClient foobar;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        admin = api.admin();
        foobar = api.user("foobar");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void createsAMetricWithANamedPolicy() {
        Reply created = foobar.post("/v1/metric", Map.of("archive_policy_name", "low", "name", "cpu", "unit", "%"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo(api.baseUri() + "/v1/metric/" + id);
        assertThat(created.body())
                .isEqualTo("{\"id\": \"" + id + "\", \"creator\": \"foobar\", \"name\": \"cpu\", "
                        + "\"unit\": \"%\", \"resource_id\": null, \"archive_policy_name\": \"low\", "
                        + "\"created_by_user_id\": \"foobar\", \"created_by_project_id\": \"\"}");
    }

    @Test
    void createsAMetricWithThePolicyOfTheMatchingRule() {
        assertThat(admin.post(
                                "/v1/archive_policy_rule",
                                Map.of(
                                        "name",
                                        "by-rule",
                                        "metric_pattern",
                                        "by-rule.*",
                                        "archive_policy_name",
                                        "medium"))
                        .status())
                .isEqualTo(201);

        Reply byRule = foobar.post("/v1/metric", Map.of("name", "by-rule.x"));
        Reply byDefaultRule = foobar.post("/v1/metric", Map.of("name", "anything"));

        assertThat(byRule.json().get("archive_policy_name").asText()).isEqualTo("medium");
        assertThat(byDefaultRule.json().get("archive_policy_name").asText()).isEqualTo("low");
    }

    @Test
    void showsAMetricWithItsPolicyInlined() {
        String id = foobar.createMetric(Map.of("archive_policy_name", "medium", "name", "shown"));

        Reply shown = foobar.get("/v1/metric/" + id);

        assertThat(shown.status()).isEqualTo(200);
        JsonNode metric = shown.json();
        assertThat(metric.get("id").asText()).isEqualTo(id);
        assertThat(metric.get("creator").asText()).isEqualTo("foobar");
        assertThat(metric.get("name").asText()).isEqualTo("shown");
        assertThat(metric.get("archive_policy").get("name").asText()).isEqualTo("medium");
        assertThat(metric.get("archive_policy").get("definition")).hasSize(2);
        assertThat(metric.get("created_by_user_id").asText()).isEqualTo("foobar");
        assertThat(metric.get("created_by_project_id").asText()).isEmpty();
        // Python's uuid.UUID forms name the same metric.
        assertThat(foobar.get("/v1/metric/" + id.toUpperCase()).json().get("id").asText())
                .isEqualTo(id);
        assertThat(foobar.get("/v1/metric/" + id.replace("-", ""))
                        .json()
                        .get("id")
                        .asText())
                .isEqualTo(id);
    }

    @Test
    void attributesWithoutValueAreShownAsNull() {
        Reply created = foobar.post("/v1/metric", Map.of("archive_policy_name", "low"));
        String id = created.json().get("id").asText();
        JsonNode shown = foobar.get("/v1/metric/" + id).json();
        JsonNode listed = foobar.get("/v1/metric?id=" + id).json().get(0);

        // Gnocchi always has these keys: {"name": null, "unit": null, "resource_id": null, ...}
        for (JsonNode metric : new JsonNode[] {created.json(), shown, listed}) {
            assertThat(metric.has("name")).as("name in %s", metric).isTrue();
            assertThat(metric.get("name").isNull()).isTrue();
            assertThat(metric.has("unit")).as("unit in %s", metric).isTrue();
            assertThat(metric.get("unit").isNull()).isTrue();
        }
    }

    @Test
    void deletedMetricIsGoneEverywhere() throws SQLException {
        String id = foobar.createMetric("low");
        foobar.addMeasures(id, "2014-10-06T14:33:57", 1);

        Reply delete = foobar.delete("/v1/metric/" + id);

        assertThat(delete.status()).isEqualTo(204);
        assertThat(foobar.get("/v1/metric/" + id).status()).isEqualTo(404);
        assertThat(foobar.get("/v1/metric/" + id + "/measures").status()).isEqualTo(404);
        assertThat(foobar.post("/v1/metric/" + id + "/measures", GnocchiClient.measures("2014-10-06T14:34:00", 1))
                        .status())
                .isEqualTo(404);
        assertThat(foobar.delete("/v1/metric/" + id).status()).isEqualTo(404);
        assertThat(api.count("SELECT count(*) FROM aggregate_split WHERE metric_id = ?", UUID.fromString(id)))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0c7f1d2e-1111-4a4a-9b9b-123456789abc", "not-a-uuid"})
    void unknownMetricIsNotFound(String id) {
        Reply reply = foobar.get("/v1/metric/" + id);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.description().asText()).isEqualTo("Metric " + id + " does not exist");
        assertThat(foobar.delete("/v1/metric/" + id).status()).isEqualTo(404);
        assertThat(foobar.get("/v1/metric/" + id + "/measures").status()).isEqualTo(404);
    }

    @Test
    void otherUsersMetricIsForbiddenExceptToAdmins() {
        String id = api.user("alice").createMetric("low");
        api.user("alice").addMeasures(id, "2014-10-06T14:33:57", 5);

        assertThat(foobar.get("/v1/metric/" + id).status()).isEqualTo(403);
        assertThat(foobar.get("/v1/metric/" + id + "/measures").status()).isEqualTo(403);
        assertThat(foobar.post("/v1/metric/" + id + "/measures", GnocchiClient.measures("2014-10-06T14:33:58", 1))
                        .status())
                .isEqualTo(403);
        assertThat(foobar.delete("/v1/metric/" + id).status()).isEqualTo(403);
        assertThat(admin.get("/v1/metric/" + id).status()).isEqualTo(200);
        assertThat(admin.measures(id, "aggregation=count"))
                .extracting(GnocchiClient.Point::value)
                .containsExactly(1.0);
        assertThat(admin.delete("/v1/metric/" + id).status()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "{\"archive_policy_name\": \"nope\"} | Archive policy nope does not exist",
                "{\"archive_policy_name\": \"low\", \"foo\": 1} | extra keys not allowed @ data['foo']",
                "{\"archive_policy_name\": \"low\", \"name\": null} | expected str for dictionary value @ data['name']",
                "{\"archive_policy_name\": \"low\", \"name\": \"a/b\"} | '/' is not supported in metric name",
                "{\"archive_policy_name\": \"low\", \"unit\": \"12345678901234567890123456789012\"}"
                        + " | length of value must be at most 31 for dictionary value @ data['unit']",
                "[] | expected a dictionary"
            })
    void invalidMetricIsRejectedAndNothingIsCreated(String body, String message) throws SQLException {
        long before = api.count("SELECT count(*) FROM metric");

        Reply reply = foobar.post("/v1/metric", body);

        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        JsonNode description = reply.description();
        assertThat(
                        description.isTextual()
                                ? description.asText()
                                : description.get("reason").asText())
                .isEqualTo(message);
        assertThat(api.count("SELECT count(*) FROM metric")).isEqualTo(before);
    }

    @Test
    void creatingNeedsCredentialsAndJson() throws SQLException {
        long before = api.count("SELECT count(*) FROM metric");

        assertThat(api.anonymous()
                        .post("/v1/metric", Map.of("archive_policy_name", "low"))
                        .status())
                .isEqualTo(401);
        assertThat(foobar.send("POST", "/v1/metric", "text/plain", "{}").status())
                .isEqualTo(415);
        assertThat(foobar.post("/v1/metric", "{not json")
                        .description()
                        .get("cause")
                        .asText())
                .isEqualTo("Unable to decode body");
        assertThat(api.count("SELECT count(*) FROM metric")).isEqualTo(before);
    }

    @Test
    void metricOnAResourceIsNamedOncePerResource() throws SQLException {
        UUID resource = insertResource("admin");
        Map<String, Object> body = new HashMap<>(
                Map.of("archive_policy_name", "low", "resource_id", resource.toString(), "name", "disk.io"));

        Reply created = admin.post("/v1/metric", body);
        Reply again = admin.post("/v1/metric", body);
        body.remove("name");
        Reply withoutName = admin.post("/v1/metric", body);
        body.put("name", "x");
        body.put("resource_id", UUID.randomUUID().toString());
        Reply unknownResource = admin.post("/v1/metric", body);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().get("resource_id").asText()).isEqualTo(resource.toString());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.description().get("cause").asText()).isEqualTo("Named metric already exists");
        assertThat(again.description().get("detail").asText()).isEqualTo("disk.io");
        assertThat(withoutName.status()).isEqualTo(400);
        assertThat(withoutName.description().get("reason").asText())
                .isEqualTo("Name cannot be null if resource_id is not null");
        assertThat(unknownResource.status()).isEqualTo(404);
        assertThat(unknownResource.description().asText())
                .isEqualTo("Resource " + body.get("resource_id") + " does not exist");
        assertThat(api.count("SELECT count(*) FROM metric WHERE resource_id = ?", resource))
                .isEqualTo(1);
    }

    @Test
    void metricOnAnotherUsersResourceIsForbidden() throws SQLException {
        UUID resource = insertResource("alice");

        Reply reply = foobar.post(
                "/v1/metric", Map.of("archive_policy_name", "low", "resource_id", resource.toString(), "name", "cpu"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(api.count("SELECT count(*) FROM metric WHERE resource_id = ?", resource))
                .isZero();
    }

    private static UUID insertResource(String creator) throws SQLException {
        UUID id = UUID.randomUUID();
        return api.insertResource(id, id.toString(), creator, null);
    }
}
