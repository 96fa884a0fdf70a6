package io.meterflow.timeseries.storage;

import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Point;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How aggregates sit in PostgreSQL: split rows of up to 120 points per metric, method and
 * granularity, and retention that removes expired points and whole expired splits.
 */
@RealServices
class StorageLayoutIT {

    /** 2014-11-01T00:00:00Z: a multiple of 120 hours, so a day of hours fills one split, a day of minutes 12. */
    private static final long DAY_START = 1_414_800_000L;

    private static final long NANOS = 1_000_000_000L;

    private static ApiFixture api;
    private static GnocchiClient client;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        client = api.user("foobar");
        api.admin()
                .createPolicy(Map.of(
                        "name",
                        "ten-minutes",
                        "aggregation_methods",
                        List.of("count"),
                        "definition",
                        List.of(Map.of("granularity", 60, "points", 10))));
        api.admin()
                .createPolicy(Map.of(
                        "name",
                        "ten-seconds",
                        "aggregation_methods",
                        List.of("count"),
                        "definition",
                        List.of(Map.of("granularity", 1, "points", 10))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void dayOfMinutesIsStoredInTwelveRowsPerMethodAndADayOfHoursInOne() throws SQLException {
        String metric = client.createMetric("medium");

        client.addMeasures(metric, onesFrom(DAY_START, 60, 1440));

        UUID id = UUID.fromString(metric);
        // 6 methods x (12 splits of minutes, 1 of hours), but std has no point for minutes of one
        // measure: no rows.
        assertThat(api.count("SELECT count(*) FROM aggregate_split WHERE metric_id = ?", id))
                .isEqualTo(5 * 12 + 6);
        assertThat(api.count(
                        "SELECT count(*) FROM aggregate_split WHERE metric_id = ? AND granularity = ?", id, 60 * NANOS))
                .isEqualTo(5 * 12);
        // Contiguous buckets: 8 bytes a point, 9 bytes of header a row, no compression needed.
        assertThat(api.count("SELECT sum(octet_length(points)) FROM aggregate_split WHERE metric_id = ?", id))
                .isEqualTo((5 * 1440 + 6 * 24) * 8 + (5 * 12 + 6) * 9);
        assertThat(api.count("SELECT count(*) FROM metric_unaggregated WHERE metric_id = ?", id))
                .isEqualTo(1);
        assertThat(client.measures(metric, "granularity=60&aggregation=count"))
                .hasSize(1440)
                .allSatisfy(point -> assertThat(point.value()).isEqualTo(1.0));
        assertThat(client.measures(metric, "granularity=3600&aggregation=count"))
                .hasSize(24)
                .allSatisfy(point -> assertThat(point.value()).isEqualTo(60.0));
    }

    @Test
    void onlyTheNewestPointsOfTheTimespanAreKept() {
        String metric = client.createMetric("ten-minutes");

        client.addMeasures(metric, onesFrom(DAY_START + 30, 60, 30)); // 00:00:30 ... 00:29:30

        List<Point> points = client.measures(metric, "aggregation=count");
        assertThat(points).hasSize(10);
        assertThat(points.get(0)).isEqualTo(point("2014-11-01T00:20:00+00:00", 60.0, 1.0));
        assertThat(points.get(9)).isEqualTo(point("2014-11-01T00:29:00+00:00", 60.0, 1.0));
    }

    @Test
    void expiredSplitsAreDeletedOnceRetentionCrossesIntoTheNextSplit() throws SQLException {
        String metric = client.createMetric("ten-seconds");
        UUID id = UUID.fromString(metric);
        String rows = "SELECT count(*) FROM aggregate_split WHERE metric_id = ?";
        String rowsOfSplit = rows + " AND split_start = ?";
        long firstSplit = DAY_START * NANOS;
        long secondSplit = (DAY_START + 120) * NANOS;

        client.addMeasures(metric, onesFrom(DAY_START, 1, 60));
        long afterFirstMinute = api.count(rows, id);
        client.addMeasures(metric, onesFrom(DAY_START + 60, 1, 60));
        long afterSecondMinute = api.count(rowsOfSplit, id, firstSplit);
        client.addMeasures(metric, onesFrom(DAY_START + 120, 1, 60));
        long firstSplitAfterCrossing = api.count(rowsOfSplit, id, firstSplit);
        long secondSplitAfterCrossing = api.count(rowsOfSplit, id, secondSplit);
        client.addMeasures(metric, onesFrom(DAY_START + 180, 1, 60));

        assertThat(afterFirstMinute).isEqualTo(1);
        assertThat(afterSecondMinute).isEqualTo(1);
        assertThat(firstSplitAfterCrossing).isZero();
        assertThat(secondSplitAfterCrossing).isEqualTo(1);
        assertThat(api.count(rows, id)).isEqualTo(1);
        // The one split left holds just the 10 unexpired points: 9 bytes of header and 8 a point.
        assertThat(api.count("SELECT sum(octet_length(points)) FROM aggregate_split WHERE metric_id = ?", id))
                .isEqualTo(9 + 10 * 8);
        List<Point> points = client.measures(metric, "aggregation=count");
        assertThat(points).hasSize(10);
        assertThat(points.get(0).timestamp()).isEqualTo("2014-11-01T00:03:50+00:00");
        assertThat(points.get(9).timestamp()).isEqualTo("2014-11-01T00:03:59+00:00");
    }

    @Test
    void measuresYearsApartOnANewMetricAreWrittenInReasonableTime() {
        String metric = client.createMetric("ten-seconds");
        long start = System.nanoTime();

        client.addMeasures(metric, "1975-11-01T00:00:00", 1, "2014-11-01T00:00:00", 1);

        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(1_000);
        assertThat(client.measures(metric, "aggregation=count"))
                .containsExactly(point("2014-11-01T00:00:00+00:00", 1.0, 1.0));
    }

    /** {@code count} measures from {@code first} (epoch seconds), {@code step} seconds apart, value 1. */
    private static Object[] onesFrom(long first, long step, int count) {
        List<Object> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pairs.add(first + i * step);
            pairs.add(1);
        }
        return pairs.toArray();
    }
}
