package io.meterflow.timeseries.measure;

import static io.meterflow.timeseries.GnocchiClient.measures;
import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/batch/resources/metrics/measures}, as Ceilometer's publisher uses it: metrics named
 * per resource, created on demand with {@code create_metrics=true}, all or nothing. Resources are
 * inserted into the index directly while the resource API does not exist.
 */
@RealServices
class BatchResourceMeasuresIT {

    private static final String PATH = "/v1/batch/resources/metrics/measures";
    /** uuid5 of "host-a" created by admin, computed with Python's uuid module. */
    private static final UUID HOST_A = UUID.fromString("6b1b4624-f584-5bf1-80f1-50ec9e3e3f99");

    private static final UUID HOST_UNKNOWN = UUID.fromString("2feda7c2-37ee-558e-8a12-390cad8bc4d2");

    private static ApiFixture api;
    private static GnocchiClient admin;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        admin = api.admin();
        api.insertResource(HOST_A, "host-a", "admin", null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void storesMeasuresOfNamedMetricsOfResources() throws SQLException {
        UUID resource = newResource();
        String cpu = metricOn(resource, "cpu");

        Reply reply = admin.post(
                PATH,
                Map.of(
                        resource.toString(),
                        Map.of("cpu", measures("2014-10-06T14:33:57", 43.1, "2014-10-06T14:34:12", 12))));

        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        assertThat(admin.measures(cpu, "aggregation=count"))
                .containsExactly(point("2014-10-06T14:30:00+00:00", 300.0, 2));
    }

    @Test
    void unknownMetricNameRejectsTheBatch() throws SQLException {
        UUID resource = newResource();
        String cpu = metricOn(resource, "cpu");

        Reply reply = admin.post(
                PATH,
                Map.of(
                        resource.toString(),
                        Map.of("cpu", measures("2014-10-06T14:33:57", 1), "mem", measures("2014-10-06T14:33:57", 1))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.description().asText()).isEqualTo("Unknown metrics: " + resource + "/mem");
        assertThat(admin.measures(cpu, "aggregation=count")).isEmpty();
        assertThat(metricsOf(resource)).isEqualTo(1);
    }

    @Test
    void createMetricsCreatesMissingMetricsByRule() throws SQLException {
        UUID resource = newResource();
        String cpu = metricOn(resource, "cpu");

        Reply reply = admin.post(
                PATH + "?create_metrics=true",
                Map.of(
                        resource.toString(),
                        Map.of("cpu", measures("2014-10-06T14:33:57", 1), "mem", measures("2014-10-06T14:33:57", 1))));

        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        assertThat(metricsOf(resource)).isEqualTo(2);
        JsonNode mem = metricNamed(resource, "mem");
        assertThat(mem.get("archive_policy").get("name").asText()).isEqualTo("low"); // the default "*" rule
        assertThat(admin.measures(mem.get("id").asText(), "aggregation=count")).hasSize(1);
        assertThat(admin.measures(cpu, "aggregation=count")).hasSize(1);
    }

    @Test
    void createMetricsTakesPolicyAndUnitFromTheNewBodyForm() throws SQLException {
        UUID resource = newResource();

        Reply reply = admin.post(
                PATH + "?create_metrics=true",
                Map.of(
                        resource.toString(),
                        Map.of(
                                "disk",
                                Map.of(
                                        "archive_policy_name",
                                        "medium",
                                        "unit",
                                        "B",
                                        "measures",
                                        measures("2014-10-06T14:33:57", 7)))));

        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        JsonNode disk = metricNamed(resource, "disk");
        assertThat(disk.get("archive_policy").get("name").asText()).isEqualTo("medium");
        assertThat(disk.get("unit").asText()).isEqualTo("B");
        assertThat(admin.measures(disk.get("id").asText(), "granularity=60"))
                .containsExactly(point("2014-10-06T14:33:00+00:00", 60.0, 7.0));
    }

    @Test
    void createMetricsWithAnUnknownPolicyCreatesNothing() throws SQLException {
        UUID resource = newResource();

        Reply reply = admin.post(
                PATH + "?create_metrics=true",
                Map.of(
                        resource.toString(),
                        Map.of(
                                "disk",
                                Map.of(
                                        "archive_policy_name",
                                        "nope",
                                        "measures",
                                        measures("2014-10-06T14:33:57", 7)))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.description().asText()).isEqualTo("Archive policy nope does not exist");
        assertThat(metricsOf(resource)).isZero();
    }

    @Test
    void unknownResourceRejectsTheBatchAndCreatesNoMetricAnywhere() throws SQLException {
        UUID known = newResource();
        String cpu = metricOn(known, "cpu");
        UUID unknown = UUID.randomUUID();
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put(
                known.toString(),
                Map.of("cpu", measures("2014-10-06T14:33:57", 1), "mem", measures("2014-10-06T14:33:57", 1)));
        batch.put(unknown.toString(), Map.of("cpu", measures("2014-10-06T14:33:57", 1)));
        batch.put("host-unknown", Map.of("cpu", measures("2014-10-06T14:33:57", 1)));
        long metricsBefore = api.count("SELECT count(*) FROM metric");

        Reply reply = admin.post(PATH + "?create_metrics=true", batch);
        Reply withoutCreate =
                admin.post(PATH, Map.of(unknown.toString(), Map.of("cpu", measures("2014-10-06T14:33:57", 1))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.description().get("cause").asText()).isEqualTo("Unknown resources");
        assertThat(reply.description().get("detail").toString())
                .isEqualTo("[{\"resource_id\":\"" + unknown
                        + "\",\"original_resource_id\":\"" + unknown + "\"},{\"resource_id\":\"" + HOST_UNKNOWN
                        + "\",\"original_resource_id\":\"host-unknown\"}]");
        assertThat(api.count("SELECT count(*) FROM metric")).isEqualTo(metricsBefore);
        assertThat(admin.measures(cpu, "aggregation=count")).isEmpty();
        assertThat(withoutCreate.status()).isEqualTo(400);
        assertThat(withoutCreate.description().asText()).isEqualTo("Unknown metrics: " + unknown + "/cpu");
    }

    @Test
    void externalResourceIdsAreTransformedWithTheCreator() throws SQLException {
        Reply reply = admin.post(
                PATH + "?create_metrics=true", Map.of("host-a", Map.of("load", measures("2014-10-06T14:33:57", 1))));

        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        assertThat(metricNamed(HOST_A, "load").get("resource_id").asText()).isEqualTo(HOST_A.toString());
    }

    @Test
    void createMetricsMustBeABoolean() throws SQLException {
        UUID resource = newResource();

        Reply reply = admin.post(
                PATH + "?create_metrics=maybe",
                Map.of(resource.toString(), Map.of("cpu", measures("2014-10-06T14:33:57", 1))));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.description().asText())
                .isEqualTo("Unable to parse `create_metrics': invalid truth value 'maybe'");
        assertThat(metricsOf(resource)).isZero();
    }

    @Test
    void invalidMeasuresRejectTheBatch() throws SQLException {
        UUID resource = newResource();
        String cpu = metricOn(resource, "cpu");

        Reply badValue = admin.post(
                PATH + "?create_metrics=true",
                "{\"" + resource + "\": {\"cpu\": [{\"timestamp\": "
                        + "\"2014-10-06T14:33:57\", \"value\": 1}], \"mem\": [{\"timestamp\": \"2014-10-06T14:33:57\", "
                        + "\"value\": null}]}}");
        Reply notObject = admin.post(PATH, Map.of(resource.toString(), List.of()));
        Reply notJson = admin.send("POST", PATH, "text/plain", "{}");

        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.description().get("reason").asText()).startsWith("unexpected measures value");
        assertThat(notObject.status()).isEqualTo(400);
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(admin.measures(cpu, "aggregation=count")).isEmpty();
        assertThat(metricsOf(resource)).isEqualTo(1);
    }

    @Test
    void needsCredentials() {
        assertThat(api.anonymous()
                        .post(PATH, Map.of(HOST_A.toString(), Map.of()))
                        .status())
                .isEqualTo(401);
    }

    private static UUID newResource() throws SQLException {
        UUID id = UUID.randomUUID();
        return api.insertResource(id, id.toString(), "admin", null);
    }

    private static String metricOn(UUID resource, String name) {
        return admin.createMetric(
                Map.of("archive_policy_name", "low", "resource_id", resource.toString(), "name", name));
    }

    private static long metricsOf(UUID resource) throws SQLException {
        return api.count("SELECT count(*) FROM metric WHERE resource_id = ?", resource);
    }

    private static JsonNode metricNamed(UUID resource, String name) {
        for (JsonNode metric : admin.get("/v1/metric?name=" + name).json()) {
            if (resource.toString().equals(metric.path("resource_id").asText())) {
                return metric;
            }
        }
        throw new AssertionError("no metric " + name + " on resource " + resource);
    }
}
