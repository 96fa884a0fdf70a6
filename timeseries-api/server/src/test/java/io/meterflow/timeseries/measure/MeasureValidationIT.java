package io.meterflow.timeseries.measure;

import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Point;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code POST /v1/metric/{id}/measures} accepts and rejects (Gnocchi's edge cases), and that a
 * rejected request stores nothing at all.
 */
@RealServices
class MeasureValidationIT {

    private static ApiFixture api;
    private static GnocchiClient client;
    /** A metric holding one measure, which rejected requests must leave as it is. */
    private static String target;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        client = api.user("foobar");
        api.admin()
                .createPolicy(Map.of(
                        "name",
                        "one-second-last",
                        "aggregation_methods",
                        List.of("last", "count"),
                        "definition",
                        List.of(Map.of("granularity", 1))));
        target = client.createMetric("one-second-last");
        client.addMeasures(target, "2014-10-06T14:33:57", 1);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "value \"NaN\"           | \"2014-10-06T14:33:57\"       | \"NaN\"      | 2014-10-06T14:33:57+00:00 | NaN",
                "value NaN literal       | \"2014-10-06T14:33:57\"       | NaN          | 2014-10-06T14:33:57+00:00 | NaN",
                "value \"inf\"           | \"2014-10-06T14:33:57\"       | \"inf\"      | 2014-10-06T14:33:57+00:00 | Infinity",
                "value Infinity literal  | \"2014-10-06T14:33:57\"       | Infinity     | 2014-10-06T14:33:57+00:00 | Infinity",
                "value \"-Infinity\"     | \"2014-10-06T14:33:57\"       | \"-Infinity\"| 2014-10-06T14:33:57+00:00 | -Infinity",
                "numeric string          | \"2014-10-06T14:33:57\"       | \"42.5\"     | 2014-10-06T14:33:57+00:00 | 42.5",
                "padded numeric string   | \"2014-10-06T14:33:57\"       | \" 7 \"      | 2014-10-06T14:33:57+00:00 | 7",
                "exponent string         | \"2014-10-06T14:33:57\"       | \"1e3\"      | 2014-10-06T14:33:57+00:00 | 1000",
                "true                    | \"2014-10-06T14:33:57\"       | true         | 2014-10-06T14:33:57+00:00 | 1",
                "false                   | \"2014-10-06T14:33:57\"       | false        | 2014-10-06T14:33:57+00:00 | 0",
                "negative                | \"2014-10-06T14:33:57\"       | -3.5         | 2014-10-06T14:33:57+00:00 | -3.5",
                "epoch number            | 1412606037                    | 1            | 2014-10-06T14:33:57+00:00 | 1",
                "epoch float             | 1412606037.75                 | 1            | 2014-10-06T14:33:57+00:00 | 1",
                "epoch string            | \"1412606037\"                | 1            | 2014-10-06T14:33:57+00:00 | 1",
                "offset                  | \"2014-10-06T16:33:57+02:00\" | 1            | 2014-10-06T14:33:57+00:00 | 1",
                "Z                       | \"2014-10-06T14:33:57Z\"      | 1            | 2014-10-06T14:33:57+00:00 | 1",
                "microseconds            | \"2014-10-06T14:33:57.123456\"| 1            | 2014-10-06T14:33:57+00:00 | 1",
                "space separator         | \"2014-10-06 14:33:57\"       | 1            | 2014-10-06T14:33:57+00:00 | 1",
                "far future              | \"2200-01-01T00:00:00\"       | 1            | 2200-01-01T00:00:00+00:00 | 1"
            })
    void acceptsWhatGnocchiAccepts(String what, String timestamp, String value, String bucket, double expected) {
        String metric = client.createMetric("one-second-last");

        Reply reply = client.post(
                "/v1/metric/" + metric + "/measures", "[{\"timestamp\": " + timestamp + ", \"value\": " + value + "}]");

        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        assertThat(client.measures(metric, "aggregation=last")).containsExactly(point(bucket, 1.0, expected));
    }

    @Test
    void acceptsRelativeTimestampsAndIgnoresExtraKeys() {
        String metric = client.createMetric("one-second-last");
        Instant before = Instant.now().minusSeconds(301);

        Reply reply = client.post(
                "/v1/metric/" + metric + "/measures",
                "[{\"timestamp\": \"-5 minutes\", \"value\": 3, \"unit\": \"ignored\"}]");

        assertThat(reply.status()).isEqualTo(202);
        List<Point> points = client.measures(metric, "aggregation=last");
        assertThat(points).hasSize(1);
        Instant stamped = Instant.parse(points.get(0).timestamp().replace("+00:00", "Z"));
        assertThat(stamped).isBetween(before, Instant.now().minusSeconds(299));
    }

    @Test
    void emptyListIsAcceptedAndChangesNothing() {
        String before = storedOf(target);

        assertThat(client.post("/v1/metric/" + target + "/measures", "[]").status())
                .isEqualTo(202);
        assertThat(storedOf(target)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "[{\"timestamp\": \"2014-10-06T14:34:00\", \"value\": null}] | unexpected measures value",
                "[{\"timestamp\": \"2014-10-06T14:34:00\", \"value\": \"abc\"}] | unexpected measures value",
                "[{\"timestamp\": \"2014-10-06T14:34:00\", \"value\": []}] | unexpected measures value",
                "[{\"timestamp\": \"2014-10-06T14:34:00\", \"value\": {}}] | unexpected measures value",
                "[{\"timestamp\": \"2014-10-06T14:34:00\"}] | unexpected measures value",
                "[{\"timestamp\": \"2014-10-06T14:34:00\", \"value\": 5}, {\"timestamp\": \"2014-10-06T14:34:01\", "
                        + "\"value\": \"abc\"}] | unexpected measures value",
                "[{\"timestamp\": \"garbage\", \"value\": 1}] | unexpected timestamp 'Unable to convert timestamps'",
                "[{\"timestamp\": \"1960-01-01T00:00:00\", \"value\": 1}] | unexpected timestamp 'Timestamp must be after Epoch'",
                "[{\"timestamp\": -1, \"value\": 1}] | unexpected timestamp 'Timestamp must be after Epoch'",
                "[{\"timestamp\": 1412606040, \"value\": 1}, {\"timestamp\": \"2014-10-06T14:34:01\", \"value\": 2}]"
                        + " | unexpected timestamp 'Unable to convert timestamps'",
                "[{\"timestamp\": null, \"value\": 1}] | unexpected timestamp 'Unable to convert timestamps'",
                "{\"timestamp\": \"2014-10-06T14:34:00\", \"value\": 1} | unexpected measures format",
                "[[\"2014-10-06T14:34:00\", 1]] | unexpected measures format",
                "1 | unexpected measures format",
                "\"abc\" | unexpected measures format"
            })
    void rejectsInvalidMeasuresAndStoresNone(String body, String reason) {
        String before = storedOf(target);

        Reply reply = client.post("/v1/metric/" + target + "/measures", body);

        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.description().get("cause").asText()).isEqualTo("Invalid input");
        assertThat(reply.description().get("reason").asText()).isEqualTo(reason);
        assertThat(reply.description().get("detail")).isEmpty();
        assertThat(storedOf(target)).isEqualTo(before);
    }

    @Test
    void measureWithoutTimestampIsABadRequest() {
        String before = storedOf(target);

        Reply reply = client.post("/v1/metric/" + target + "/measures", "[{\"value\": 1}]");

        assertThat(reply.status()).isEqualTo(400); // Gnocchi drops the connection; any 400 is better
        assertThat(storedOf(target)).isEqualTo(before);
    }

    @Test
    void bodyMustBeJson() {
        String before = storedOf(target);
        String body = "[{\"timestamp\": \"2014-10-06T14:34:00\", \"value\": 1}]";

        Reply textPlain = client.send("POST", "/v1/metric/" + target + "/measures", "text/plain", body);
        Reply noType = client.send("POST", "/v1/metric/" + target + "/measures", null, body);
        Reply notJson = client.post("/v1/metric/" + target + "/measures", "[{\"timestamp\": tru");

        assertThat(textPlain.status()).isEqualTo(415);
        assertThat(noType.status()).isEqualTo(415);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.description().get("cause").asText()).isEqualTo("Unable to decode body");
        assertThat(storedOf(target)).isEqualTo(before);
    }

    @Test
    void unknownMetricOrCallerIsRejected() {
        String unknown = UUID.randomUUID().toString();
        String body = "[{\"timestamp\": \"2014-10-06T14:34:00\", \"value\": 1}]";
        String before = storedOf(target);

        Reply missing = client.post("/v1/metric/" + unknown + "/measures", body);
        Reply notUuid = client.post("/v1/metric/not-a-uuid/measures", body);
        Reply anonymous = api.anonymous().post("/v1/metric/" + target + "/measures", body);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.description().asText()).isEqualTo("Metric " + unknown + " does not exist");
        assertThat(notUuid.status()).isEqualTo(404);
        assertThat(notUuid.description().asText()).isEqualTo("Metric not-a-uuid does not exist");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(storedOf(target)).isEqualTo(before);
    }

    /** Everything stored for a metric, as the API reads it. */
    private static String storedOf(String metric) {
        return client.get("/v1/metric/" + metric + "/measures?aggregation=count")
                        .body()
                + client.get("/v1/metric/" + metric + "/measures?aggregation=last")
                        .body();
    }
}
