package io.meterflow.timeseries.measure;

import static io.meterflow.timeseries.GnocchiClient.measures;
import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/batch/metrics/measures}: measures of many metrics, all stored or none. */
@RealServices
class BatchMetricMeasuresIT {

    private static ApiFixture api;
    private static GnocchiClient client;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        client = api.user("foobar");
        api.admin()
                .createPolicy(Map.of(
                        "name",
                        "minutes",
                        "aggregation_methods",
                        List.of("sum", "count"),
                        "definition",
                        List.of(Map.of("granularity", 60))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void storesTheMeasuresOfEveryMetric() {
        String first = client.createMetric("minutes");
        String second = client.createMetric("minutes");

        Reply reply = client.post(
                "/v1/batch/metrics/measures",
                Map.of(
                        first,
                        measures("2014-10-06T14:33:57", 43.1, "2014-10-06T14:34:12", 12),
                        second.toUpperCase(),
                        measures("2014-10-06T14:34:20", 2)));

        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        assertThat(reply.body()).isEmpty();
        assertThat(client.measures(first, "aggregation=sum"))
                .containsExactly(
                        point("2014-10-06T14:33:00+00:00", 60.0, 43.1), point("2014-10-06T14:34:00+00:00", 60.0, 12.0));
        assertThat(client.measures(second, "aggregation=sum"))
                .containsExactly(point("2014-10-06T14:34:00+00:00", 60.0, 2.0));
    }

    @Test
    void oneUnknownMetricRejectsTheWholeBatch() {
        String known = client.createMetric("minutes");
        String unknown = UUID.randomUUID().toString();
        String otherUnknown = UUID.randomUUID().toString();
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put(known, measures("2014-10-06T14:33:57", 1));
        batch.put(unknown.toUpperCase(), measures("2014-10-06T14:33:57", 1));

        Reply one = client.post("/v1/batch/metrics/measures", batch);
        batch.put(otherUnknown, measures("2014-10-06T14:33:57", 1));
        Reply two = client.post("/v1/batch/metrics/measures", batch);

        assertThat(one.status()).isEqualTo(400);
        assertThat(one.description().asText()).isEqualTo("Unknown metrics: " + unknown);
        List<String> sorted =
                java.util.stream.Stream.of(unknown, otherUnknown).sorted().toList();
        assertThat(two.description().asText()).isEqualTo("Unknown metrics: " + sorted.get(0) + ", " + sorted.get(1));
        assertThat(client.measures(known, "aggregation=count")).isEmpty();
    }

    @Test
    void oneInvalidValueRejectsTheWholeBatch() {
        String good = client.createMetric("minutes");
        String bad = client.createMetric("minutes");

        Reply reply = client.post(
                "/v1/batch/metrics/measures",
                "{\"" + good + "\": [{\"timestamp\": "
                        + "\"2014-10-06T14:33:57\", \"value\": 1}], \"" + bad
                        + "\": [{\"timestamp\": \"2014-10-06T14:33:57\", "
                        + "\"value\": \"abc\"}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.description().get("cause").asText()).isEqualTo("Invalid input");
        assertThat(reply.description().get("reason").asText())
                .isEqualTo("unexpected measures value for dictionary value @ data['" + bad + "']");
        assertThat(reply.description().get("detail").get(0).asText()).isEqualTo(bad);
        assertThat(client.measures(good, "aggregation=count")).isEmpty();
        assertThat(client.measures(bad, "aggregation=count")).isEmpty();
    }

    @Test
    void keysMustBeMetricIds() {
        String known = client.createMetric("minutes");

        Reply reply = client.post(
                "/v1/batch/metrics/measures",
                Map.of(known, measures("2014-10-06T14:33:57", 1), "foo", measures("2014-10-06T14:33:57", 1)));
        Reply list = client.post("/v1/batch/metrics/measures", List.of());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.description().get("reason").asText()).isEqualTo("extra keys not allowed @ data['foo']");
        assertThat(reply.description().get("detail").get(0).asText()).isEqualTo("foo");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.description().get("reason").asText()).isEqualTo("expected a dictionary");
        assertThat(client.measures(known, "aggregation=count")).isEmpty();
    }

    @Test
    void otherUsersMetricForbidsTheWholeBatch() {
        String mine = client.createMetric("minutes");
        String alices = api.user("alice").createMetric("minutes");

        Reply reply = client.post(
                "/v1/batch/metrics/measures",
                Map.of(mine, measures("2014-10-06T14:33:57", 1), alices, measures("2014-10-06T14:33:57", 1)));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(client.measures(mine, "aggregation=count")).isEmpty();
        assertThat(api.admin().measures(alices, "aggregation=count")).isEmpty();
        assertThat(api.admin()
                        .post(
                                "/v1/batch/metrics/measures",
                                Map.of(
                                        mine,
                                        measures("2014-10-06T14:33:57", 1),
                                        alices,
                                        measures("2014-10-06T14:33:57", 1)))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void emptyBatchIsAcceptedEvenWithoutCredentials() {
        assertThat(api.anonymous().post("/v1/batch/metrics/measures", "{}").status())
                .isEqualTo(202);
        assertThat(api.anonymous()
                        .post(
                                "/v1/batch/metrics/measures",
                                Map.of(client.createMetric("minutes"), measures("2014-10-06T14:33:57", 1)))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void bodyMustBeJson() {
        String metric = client.createMetric("minutes");
        String body = "{\"" + metric + "\": [{\"timestamp\": \"2014-10-06T14:33:57\", \"value\": 1}]}";

        assertThat(client.send("POST", "/v1/batch/metrics/measures", "text/plain", body)
                        .status())
                .isEqualTo(415);
        assertThat(client.post("/v1/batch/metrics/measures", "{\"" + metric)
                        .description()
                        .get("cause")
                        .asText())
                .isEqualTo("Unable to decode body");
        assertThat(client.measures(metric, "aggregation=count")).isEmpty();
    }
}
