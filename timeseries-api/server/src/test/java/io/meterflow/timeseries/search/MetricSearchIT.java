package io.meterflow.timeseries.search;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/search/metric: measures of the named metrics whose value satisfies a predicate, per
 * granularity (largest first), as search-metric.yaml and Gnocchi's SearchMetricController answer.
 * One metric on a 1 s + 60 s policy: 14:34:12 = 10, 14:34:14 = 20, 14:34:16 = 30, 14:35:00 = 40.
 */
@RealServices
class MetricSearchIT {

    private static ApiFixture api;
    private static GnocchiClient foobar;
    private static String metric;
    private static String other;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        foobar = api.user("foobar");
        api.admin()
                .createPolicy(Map.of(
                        "name",
                        "fine",
                        "definition",
                        List.of(Map.of("granularity", "1 second"), Map.of("granularity", "60 second"))));
        metric = foobar.createMetric("fine");
        other = foobar.createMetric("fine");
        foobar.addMeasures(
                metric,
                "2014-10-06T14:34:12",
                10,
                "2014-10-06T14:34:14",
                20,
                "2014-10-06T14:34:16",
                30,
                "2014-10-06T14:35:00",
                40);
        foobar.addMeasures(other, "2014-10-06T14:34:12", 12);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void comparisonsSelectMeasuresPerGranularity() {
        assertThat(values("&granularity=1s", "{\"=\": 20}")).containsExactly("2014-10-06T14:34:14+00:00 1.0 20.0");
        assertThat(values("&granularity=1", "{\"eq\": 20}")).containsExactly("2014-10-06T14:34:14+00:00 1.0 20.0");
        assertThat(values("&granularity=1", "{\">=\": 30}"))
                .containsExactly("2014-10-06T14:34:16+00:00 1.0 30.0", "2014-10-06T14:35:00+00:00 1.0 40.0");
        assertThat(values("&granularity=1", "{\"<\": 20}")).containsExactly("2014-10-06T14:34:12+00:00 1.0 10.0");
        assertThat(values("&granularity=1", "{\"≤\": 20}"))
                .containsExactly("2014-10-06T14:34:12+00:00 1.0 10.0", "2014-10-06T14:34:14+00:00 1.0 20.0");
        assertThat(values("&granularity=1", "{\"!=\": 20}")).hasSize(3);
        assertThat(values("&granularity=1", "{\"ne\": 20}")).hasSize(3);
        assertThat(values("&granularity=60", "{\"=\": 20}")).containsExactly("2014-10-06T14:34:00+00:00 60.0 20.0");
    }

    @Test
    void everyGranularityOfThePolicyWhenNoneIsGiven() {
        assertThat(values("", "{\">\": 15}"))
                .containsExactly(
                        "2014-10-06T14:34:00+00:00 60.0 20.0",
                        "2014-10-06T14:35:00+00:00 60.0 40.0",
                        "2014-10-06T14:34:14+00:00 1.0 20.0",
                        "2014-10-06T14:34:16+00:00 1.0 30.0",
                        "2014-10-06T14:35:00+00:00 1.0 40.0");
        assertThat(values("&granularity=1second&granularity=60s", "{\"=\": 40}"))
                .containsExactly("2014-10-06T14:35:00+00:00 60.0 40.0", "2014-10-06T14:35:00+00:00 1.0 40.0");
    }

    @Test
    void logicAndArithmeticInPredicates() {
        assertThat(values("&granularity=1", "{\"and\": [{\">\": 10}, {\"<\": 40}]}"))
                .containsExactly("2014-10-06T14:34:14+00:00 1.0 20.0", "2014-10-06T14:34:16+00:00 1.0 30.0");
        assertThat(values("&granularity=1", "{\"or\": [{\"=\": 10}, {\"=\": 40}]}"))
                .containsExactly("2014-10-06T14:34:12+00:00 1.0 10.0", "2014-10-06T14:35:00+00:00 1.0 40.0");
        assertThat(values("&granularity=1", "{\"=\": [{\"%\": 20}, 0]}"))
                .containsExactly("2014-10-06T14:34:14+00:00 1.0 20.0", "2014-10-06T14:35:00+00:00 1.0 40.0");
        assertThat(values("&granularity=1", "{\">\": [{\"*\": 2}, 70]}"))
                .containsExactly("2014-10-06T14:35:00+00:00 1.0 40.0");
    }

    @Test
    void startAndStopBoundTheSearch() {
        assertThat(values("&granularity=1&start=2014-10-06T14:34:13&stop=2014-10-06T14:34:30", "{\">=\": 0}"))
                .containsExactly("2014-10-06T14:34:14+00:00 1.0 20.0", "2014-10-06T14:34:16+00:00 1.0 30.0");
    }

    @Test
    void severalMetricsAnswerPerMetricId() {
        Reply reply = foobar.post(
                "/v1/search/metric?metric_id=" + metric + "&metric_id=" + other + "&granularity=1", "{\">=\": 12}");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().get(other).toString()).isEqualTo("[[\"2014-10-06T14:34:12+00:00\",1.0,12.0]]");
        assertThat(reply.json().get(metric)).hasSize(3);
    }

    @Test
    void badSearchesAreRefusedWithGnocchisErrors() {
        List<GnocchiClient.Point> before = foobar.measures(metric, "granularity=1");
        String base = "/v1/search/metric?metric_id=" + metric;

        Reply wrongGranularity = foobar.post(base + "&granularity=1s&granularity=300", "{\"=\": 12}");
        Reply wrongStart = foobar.post(base + "&start=foobar", "[{\"≥\": 1000}]");
        Reply wrongStartObject = foobar.post(base + "&start=foobar", "{\"≥\": 1000}");
        Reply wrongStop = foobar.post(base + "&stop=foobar", "{\"≥\": 1000}");
        Reply noQuery = foobar.post(base, null);
        Reply notANumber = foobar.post(base, "{\"=\": \"ten\"}");

        assertThat(wrongGranularity.status()).as("%s", wrongGranularity).isEqualTo(400);
        assertThat(wrongGranularity.description().get("cause").asText()).isEqualTo("Aggregation does not exist");
        assertThat(wrongGranularity.description().at("/detail/granularity").asDouble())
                .isEqualTo(300.0);
        assertThat(wrongGranularity
                        .description()
                        .at("/detail/aggregation_method")
                        .asText())
                .isEqualTo("mean");
        assertThat(wrongStart.status()).isEqualTo(400);
        assertThat(wrongStartObject.status()).isEqualTo(400);
        assertThat(wrongStartObject.body()).contains("Invalid value for start");
        assertThat(wrongStop.status()).isEqualTo(400);
        assertThat(wrongStop.body()).contains("Invalid value for stop");
        assertThat(noQuery.status()).isEqualTo(400);
        assertThat(noQuery.body()).contains("No query specified in body");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(foobar.measures(metric, "granularity=1")).isEqualTo(before);
    }

    @Test
    void unknownOperatorIsInvalidInput() {
        Reply reply = foobar.post("/v1/search/metric?metric_id=" + metric, "{\"like\": 10}");

        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.description().isObject()).as("%s", reply).isTrue();
        assertThat(reply.description().get("cause").asText()).isEqualTo("Invalid input");
        assertThat(reply.description().get("reason").asText()).isEqualTo("extra keys not allowed @ data['like']");

        Reply nested = foobar.post("/v1/search/metric?metric_id=" + metric, "{\"and\": [{\"like\": 1}]}");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.description().get("reason").asText())
                .isEqualTo("extra keys not allowed @ data['and'][0]['like']");
        assertThat(nested.description().get("detail").toString()).isEqualTo("[\"and\",0,\"like\"]");
    }

    @Test
    void anotherUsersMetricIsForbidden() {
        Reply reply = api.user("alice").post("/v1/search/metric?metric_id=" + metric, "{\">\": 0}");

        assertThat(reply.status()).isEqualTo(403);
    }

    /** {@code "timestamp granularity value"} of the one searched metric's matches. */
    private static List<String> values(String query, String predicate) {
        Reply reply = foobar.post("/v1/search/metric?metric_id=" + metric + query, predicate);
        assertThat(reply.status()).as("%s for %s", reply, predicate).isEqualTo(200);
        List<String> values = new ArrayList<>();
        JsonNode series = reply.json().get(metric);
        series.forEach(point -> values.add(point.get(0).asText() + " "
                + point.get(1).asDouble() + " " + point.get(2).asDouble()));
        return values;
    }
}
