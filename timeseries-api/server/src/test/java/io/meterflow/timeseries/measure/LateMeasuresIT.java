package io.meterflow.timeseries.measure;

import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures that arrive late, twice or out of order, replayed from Gnocchi's recorded edge cases
 * (edge-cases.md): the API accepts them all with 202, and what is kept follows the back window.
 */
@RealServices
class LateMeasuresIT {

    private static ApiFixture api;
    private static GnocchiClient client;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        client = api.user("foobar");
        GnocchiClient admin = api.admin();
        admin.createPolicy(policy("edge60", 0, Map.of("granularity", 60, "timespan", "1 day")));
        admin.createPolicy(policy("edge60bw2", 2, Map.of("granularity", 60, "timespan", "1 day")));
        admin.createPolicy(policy(
                "edgemix",
                0,
                Map.of("granularity", 60, "timespan", "1 day"),
                Map.of("granularity", 3600, "timespan", "30 days")));
        admin.createPolicy(policy("edge1", 0, Map.of("granularity", 1, "timespan", "1 day")));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void measureBeforeTheCurrentBlockIsSilentlyDropped() {
        String metric = client.createMetric("edge60");
        client.addMeasures(metric, "2026-11-25T14:10:30", 1);

        client.addMeasures(metric, "2026-11-25T13:50:30", 1); // 20 minutes older
        List<GnocchiClient.Point> afterOlder = counts(metric);
        client.addMeasures(metric, "2026-11-25T14:10:05", 1); // same 60 s block
        List<GnocchiClient.Point> afterSameBlock = counts(metric);
        client.addMeasures(metric, "2026-11-25T14:09:59", 1); // previous block

        assertThat(afterOlder).containsExactly(point("2026-11-25T14:10:00+00:00", 60.0, 1.0));
        assertThat(afterSameBlock).containsExactly(point("2026-11-25T14:10:00+00:00", 60.0, 2.0));
        assertThat(counts(metric)).containsExactly(point("2026-11-25T14:10:00+00:00", 60.0, 2.0));
    }

    @Test
    void backWindowKeepsThatManyBlocksOfTheLargestGranularity() {
        String metric = client.createMetric("edge60bw2");
        client.addMeasures(metric, "2026-11-25T14:10:30", 1);

        client.addMeasures(metric, "2026-11-25T14:08:30", 1, "2026-11-25T14:07:30", 1);

        assertThat(counts(metric))
                .containsExactly(
                        point("2026-11-25T14:08:00+00:00", 60.0, 1.0), point("2026-11-25T14:10:00+00:00", 60.0, 1.0));
    }

    @Test
    void blockIsTheLargestGranularityOfThePolicy() {
        String metric = client.createMetric("edgemix");
        client.addMeasures(metric, "2026-11-25T14:50:00", 1);

        client.addMeasures(metric, "2026-11-25T14:00:30", 1); // 49 minutes earlier, same hour

        assertThat(counts(metric))
                .containsExactly(
                        point("2026-11-25T14:00:00+00:00", 3600.0, 2.0),
                        point("2026-11-25T14:00:00+00:00", 60.0, 1.0),
                        point("2026-11-25T14:50:00+00:00", 60.0, 1.0));
    }

    @Test
    void firstMeasureIsAlwaysKeptAndRetentionFollowsTheNewestOne() {
        String metric = client.createMetric("edge60");

        client.addMeasures(metric, "2025-10-21T14:00:00", 1); // 400 days old, timespan 1 day
        List<GnocchiClient.Point> first = counts(metric);
        client.addMeasures(metric, "2026-11-25T14:01:00", 1);

        assertThat(first).containsExactly(point("2025-10-21T14:00:00+00:00", 60.0, 1.0));
        assertThat(counts(metric)).containsExactly(point("2026-11-25T14:01:00+00:00", 60.0, 1.0));
    }

    @Test
    void unsortedMeasuresOfOneRequestAreAllKept() {
        String metric = client.createMetric("edge60");

        client.addMeasures(metric, "2026-11-25T14:05:00", 1, "2026-11-25T14:01:00", 1, "2026-11-25T14:01:30", 1);

        assertThat(counts(metric))
                .containsExactly(
                        point("2026-11-25T14:01:00+00:00", 60.0, 2.0), point("2026-11-25T14:05:00+00:00", 60.0, 1.0));
    }

    @Test
    void laterValueOfATimestampReplacesTheEarlierOne() {
        String sameRequest = client.createMetric("edge1");
        String separateRequests = client.createMetric("edge1");

        client.addMeasures(sameRequest, "2026-11-25T14:00:10", 3, "2026-11-25T14:00:10", 9, "2026-11-25T14:00:10", 2);
        client.addMeasures(separateRequests, "2026-11-25T14:00:10", 9);
        client.addMeasures(separateRequests, "2026-11-25T14:00:10", 4);

        for (String metric : List.of(sameRequest, separateRequests)) {
            assertThat(client.measures(metric, "aggregation=count"))
                    .containsExactly(point("2026-11-25T14:00:10+00:00", 1.0, 1.0));
        }
        assertThat(client.measures(sameRequest, "aggregation=last"))
                .containsExactly(point("2026-11-25T14:00:10+00:00", 1.0, 2.0));
        assertThat(client.measures(separateRequests, "aggregation=last"))
                .containsExactly(point("2026-11-25T14:00:10+00:00", 1.0, 4.0));
    }

    private static List<GnocchiClient.Point> counts(String metric) {
        return client.measures(metric, "aggregation=count&refresh=true");
    }

    private static Map<String, Object> policy(String name, int backWindow, Map<?, ?>... definition) {
        return Map.of(
                "name",
                name,
                "back_window",
                backWindow,
                "definition",
                List.of(definition),
                "aggregation_methods",
                List.of("count", "last"));
    }
}
