package io.meterflow.timeseries.aggregates;

import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Aggregating across metrics: {@code /v1/aggregation/metric} and {@code POST /v1/aggregates}, on the
 * worked example of Gnocchi's aggregation.yaml (policy 1 s + 300 s):
 * m0 = {14:33:57 = 43.1, 14:34:12 = 12}, m1 = {14:33:57 = 3.1, 14:34:12 = 2, 14:35:12 = 5}.
 */
@RealServices
class AggregatesIT {

    private static final String S57 = "2015-03-06T14:33:57+00:00";
    private static final String S34_12 = "2015-03-06T14:34:12+00:00";

    private static ApiFixture api;
    private static GnocchiClient client;
    private static String m0;
    private static String m1;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        client = api.user("foobar");
        api.admin()
                .createPolicy(Map.of(
                        "name",
                        "cookies",
                        "definition",
                        List.of(
                                Map.of("granularity", 1, "timespan", "1 hour"),
                                Map.of("granularity", 300, "timespan", "1 day"))));
        m0 = client.createMetric("cookies");
        m1 = client.createMetric("cookies");
        client.addMeasures(m0, "2015-03-06T14:33:57", 43.1, "2015-03-06T14:34:12", 12);
        client.addMeasures(m1, "2015-03-06T14:33:57", 3.1, "2015-03-06T14:34:12", 2, "2015-03-06T14:35:12", 5);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void meanAcrossMetricsKeepsOnlyOverlappingTimestamps() {
        Reply reply = client.get("/v1/aggregation/metric?metric=" + m0 + "&metric=" + m1 + "&granularity=1");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.points()).containsExactly(point(S57, 1.0, 23.1), point(S34_12, 1.0, 7.0));
    }

    @Test
    void fillCompletesMissingPoints() {
        String query = "/v1/aggregation/metric?metric=" + m0 + "&metric=" + m1 + "&granularity=1";

        assertThat(client.get(query + "&fill=0").points())
                .containsExactly(
                        point(S57, 1.0, 23.1), point(S34_12, 1.0, 7.0), point("2015-03-06T14:35:12+00:00", 1.0, 2.5));
        assertThat(client.get(query + "&fill=null").points())
                .containsExactly(
                        point(S57, 1.0, 23.1), point(S34_12, 1.0, 7.0), point("2015-03-06T14:35:12+00:00", 1.0, 5.0));
        Reply invalid = client.get(query + "&fill=bogus");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.description().get("detail").asText()).isEqualTo("fill");
    }

    @Test
    void reaggregationWithoutGranularityUsesEveryCommonGranularity() {
        Reply reply = client.post("/v1/aggregation/metric?reaggregation=min", List.of(m0, m1));

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.points())
                .containsExactly(
                        point("2015-03-06T14:30:00+00:00", 300.0, 2.55), point(S57, 1.0, 3.1), point(S34_12, 1.0, 2.0));
    }

    @Test
    void oneMetricIsItsOwnRead() {
        assertThat(client.get("/v1/aggregation/metric?metric=" + m1 + "&granularity=1")
                        .points())
                .isEqualTo(client.measures(m1, "granularity=1"));
    }

    @Test
    void unknownMetricIsNotFound() {
        String unknown = UUID.randomUUID().toString();

        Reply byId = client.get("/v1/aggregation/metric?metric=" + m0 + "&metric=" + unknown);
        Reply aggregates = client.post("/v1/aggregates", Map.of("operations", "(metric " + unknown + " mean)"));

        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.description().asText()).isEqualTo("Metric " + unknown + " does not exist");
        assertThat(aggregates.status()).isEqualTo(404);
        assertThat(aggregates.description().get("cause").asText()).isEqualTo("Unknown metrics");
        assertThat(aggregates.description().get("detail").get(0).asText()).isEqualTo(unknown);
    }

    @Test
    void aggregatesReturnsEachReferencedSeries() {
        Reply reply = client.post("/v1/aggregates?granularity=1", Map.of("operations", "(metric " + m0 + " mean)"));

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode series = reply.json().get("measures").get(m0).get("mean");
        assertThat(series.toString()).isEqualTo("[[\"" + S57 + "\",1.0,43.1],[\"" + S34_12 + "\",1.0,12.0]]");
    }

    @Test
    void aggregateOperationIgnoresMissingValuesByDefault() {
        Reply reply = client.post(
                "/v1/aggregates?granularity=1",
                Map.of("operations", "(aggregate mean (metric (" + m0 + " mean) (" + m1 + " mean)))"));

        // fill=dropna by default: the mean is numpy's nanmean, 14:35:12 has m1's value only.
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().get("measures").get("aggregated").toString())
                .isEqualTo("[[\"" + S57 + "\",1.0,23.1],[\"" + S34_12
                        + "\",1.0,7.0],[\"2015-03-06T14:35:12+00:00\",1.0,5.0]]");
    }

    @Test
    void unparsableOperationsAreRejected() {
        Reply reply = client.post("/v1/aggregates", Map.of("operations", "(metri"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.description().get("cause").asText()).isEqualTo("Invalid operations");
    }

    @Test
    void otherUsersMetricsAreForbidden() {
        Reply byId = api.user("alice").get("/v1/aggregation/metric?metric=" + m0 + "&metric=" + m1);
        Reply aggregates = api.user("alice").post("/v1/aggregates", Map.of("operations", "(metric " + m0 + " mean)"));

        assertThat(byId.status()).isEqualTo(403);
        assertThat(aggregates.status()).isEqualTo(403);
    }
}
