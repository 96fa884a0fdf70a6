package io.meterflow.timeseries.aggregation;

import static io.meterflow.timeseries.aggregation.BucketAggregatorTest.nanos;
import static io.meterflow.timeseries.aggregation.BucketAggregatorTest.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Folding measures into a metric as metricd does: back window, duplicates, retention, ordering. */
class MetricAggregatorTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private static final Aggregation MEAN_MINUTE_WEEK = aggregation("mean", MINUTE, 7 * DAY);
    private static final Aggregation MEAN_HOUR_YEAR = aggregation("mean", HOUR, 365 * DAY);
    private static final Aggregation COUNT_MINUTE_DAY = aggregation("count", MINUTE, DAY);

    @Test
    void aggregatesGnocchisClassicExampleAtEveryGranularity() {
        MetricAggregator medium = new MetricAggregator(List.of(MEAN_MINUTE_WEEK, MEAN_HOUR_YEAR), 0);

        MetricUpdate update = medium.apply(
                TimeSeries.EMPTY,
                measures("2014-10-06T14:33:57Z", 43.1, "2014-10-06T14:34:12Z", 12, "2014-10-06T14:34:20Z", 2));

        assertThat(update.accepted()).isEqualTo(3);
        assertThat(update.dropped()).isZero();
        assertThat(update.recomputed().get(MEAN_MINUTE_WEEK).points())
                .isEqualTo(series("2014-10-06T14:33:00Z", 43.1, "2014-10-06T14:34:00Z", 7.0));
        assertThat(update.recomputed().get(MEAN_HOUR_YEAR).points())
                .isEqualTo(series("2014-10-06T14:00:00Z", 19.033333333333335));
        assertThat(update.recomputed().get(MEAN_HOUR_YEAR).from()).isEqualTo(nanos("2014-10-06T14:00:00Z"));
    }

    @Test
    void firstMeasuresOfAMetricAreAlwaysAccepted() {
        MetricAggregator aggregator = new MetricAggregator(List.of(COUNT_MINUTE_DAY), 0);

        MetricUpdate old = aggregator.apply(TimeSeries.EMPTY, measures("2025-10-21T14:00:30Z", 1));
        MetricUpdate recent = aggregator.apply(old.buffer(), measures("2026-11-25T14:01:30Z", 1));

        assertThat(old.accepted()).isEqualTo(1);
        assertThat(old.recomputed().get(COUNT_MINUTE_DAY).points()).isEqualTo(series("2025-10-21T14:00:00Z", 1));
        // Retention is relative to the newest measure: the old bucket has now expired.
        assertThat(recent.recomputed().get(COUNT_MINUTE_DAY).expiredUpTo()).isEqualTo(nanos("2026-11-24T14:01:00Z"));
        assertThat(recent.buffer()).isEqualTo(series("2026-11-25T14:01:30Z", 1));
    }

    @ParameterizedTest(name = "back_window {0}: a measure at {1} after one at 14:10:30 is {2}")
    @CsvSource({
        "0, 2026-11-25T14:10:05Z, accepted", // same block of the largest granularity (60 s)
        "0, 2026-11-25T14:09:59Z, dropped", // the block before
        "0, 2026-11-25T13:50:30Z, dropped",
        "0, 2026-11-25T14:11:00Z, accepted", // later measures are always kept
        "2, 2026-11-25T14:08:30Z, accepted", // two blocks back
        "2, 2026-11-25T14:08:00Z, accepted", // first instant of the window
        "2, 2026-11-25T14:07:59Z, dropped",
        "2, 2026-11-25T14:07:30Z, dropped"
    })
    void backWindowCountsBlocksOfTheLargestGranularity(int backWindow, String late, String outcome) {
        MetricAggregator aggregator = new MetricAggregator(List.of(COUNT_MINUTE_DAY), backWindow);
        TimeSeries buffer = aggregator
                .apply(TimeSeries.EMPTY, measures("2026-11-25T14:10:30Z", 1))
                .buffer();

        MetricUpdate update = aggregator.apply(buffer, measures(late, 1));

        assertThat(update.accepted() == 1 ? "accepted" : "dropped").isEqualTo(outcome);
        if (outcome.equals("dropped")) {
            assertThat(update.dropped()).isEqualTo(1);
            assertThat(update.changed()).isFalse();
            assertThat(update.recomputed()).isEmpty();
            assertThat(update.buffer()).isEqualTo(buffer);
        }
    }

    @Test
    void blockSizeIsTheLargestGranularity() {
        Aggregation hourly = aggregation("count", HOUR, 365 * DAY);
        MetricAggregator aggregator = new MetricAggregator(List.of(COUNT_MINUTE_DAY, hourly), 0);
        TimeSeries buffer = aggregator
                .apply(TimeSeries.EMPTY, measures("2026-11-25T14:50:00Z", 1))
                .buffer();

        MetricUpdate update = aggregator.apply(buffer, measures("2026-11-25T14:00:30Z", 1));

        assertThat(update.accepted()).isEqualTo(1);
        assertThat(update.recomputed().get(hourly).points()).isEqualTo(series("2026-11-25T14:00:00Z", 2));
        assertThat(update.recomputed().get(COUNT_MINUTE_DAY).points())
                .isEqualTo(series("2026-11-25T14:00:00Z", 1, "2026-11-25T14:50:00Z", 1));
    }

    @Test
    void rateMethodsWidenTheBackWindowByOneBlock() {
        Aggregation rate = aggregation("rate:sum", MINUTE, DAY);
        MetricAggregator aggregator = new MetricAggregator(List.of(COUNT_MINUTE_DAY, rate), 0);
        TimeSeries buffer = aggregator
                .apply(TimeSeries.EMPTY, measures("2026-11-25T14:10:30Z", 10))
                .buffer();

        MetricUpdate previousBlock = aggregator.apply(buffer, measures("2026-11-25T14:09:59Z", 4));
        MetricUpdate twoBlocksBack = aggregator.apply(buffer, measures("2026-11-25T14:08:59Z", 4));

        assertThat(previousBlock.accepted()).isEqualTo(1);
        assertThat(previousBlock.recomputed().get(rate).points()).isEqualTo(series("2026-11-25T14:10:00Z", 6));
        assertThat(twoBlocksBack.dropped()).isEqualTo(1);
    }

    @Test
    void lateMeasureInsideTheWindowIsAggregatedWithTheBufferedOnes() {
        Aggregation mean = aggregation("mean", MINUTE, DAY);
        MetricAggregator aggregator = new MetricAggregator(List.of(COUNT_MINUTE_DAY, mean), 0);
        TimeSeries buffer = aggregator
                .apply(TimeSeries.EMPTY, measures("2026-11-25T14:10:30Z", 1))
                .buffer();

        MetricUpdate update = aggregator.apply(buffer, measures("2026-11-25T14:10:05Z", 3));

        assertThat(update.recomputed().get(COUNT_MINUTE_DAY).points()).isEqualTo(series("2026-11-25T14:10:00Z", 2));
        assertThat(update.recomputed().get(mean).points()).isEqualTo(series("2026-11-25T14:10:00Z", 2));
        assertThat(update.recomputed().get(mean).from()).isEqualTo(nanos("2026-11-25T14:10:00Z"));
    }

    @Test
    void lastWriteWinsForDuplicateTimestamps() {
        Aggregation last = aggregation("last", SECOND, DAY);
        Aggregation count = aggregation("count", SECOND, DAY);
        MetricAggregator aggregator = new MetricAggregator(List.of(last, count), 0);

        MetricUpdate sameRequest = aggregator.apply(
                TimeSeries.EMPTY,
                measures("2026-11-25T14:00:10Z", 3, "2026-11-25T14:00:10Z", 9, "2026-11-25T14:00:10Z", 2));
        MetricUpdate laterRequest = aggregator.apply(sameRequest.buffer(), measures("2026-11-25T14:00:10Z", 4));

        assertThat(sameRequest.recomputed().get(last).points()).isEqualTo(series("2026-11-25T14:00:10Z", 2));
        assertThat(sameRequest.recomputed().get(count).points()).isEqualTo(series("2026-11-25T14:00:10Z", 1));
        assertThat(laterRequest.recomputed().get(last).points()).isEqualTo(series("2026-11-25T14:00:10Z", 4));
        assertThat(laterRequest.recomputed().get(count).points()).isEqualTo(series("2026-11-25T14:00:10Z", 1));
        assertThat(laterRequest.buffer()).isEqualTo(series("2026-11-25T14:00:10Z", 4));
    }

    @Test
    void unsortedMeasuresAreAggregatedInTimeOrder() {
        Aggregation first = aggregation("first", MINUTE, DAY);
        Aggregation last = aggregation("last", MINUTE, DAY);
        MetricAggregator aggregator = new MetricAggregator(List.of(first, last, COUNT_MINUTE_DAY), 0);

        MetricUpdate update = aggregator.apply(
                TimeSeries.EMPTY,
                measures("2026-11-25T14:05:40Z", 3, "2026-11-25T14:01:00Z", 1, "2026-11-25T14:05:00Z", 2));

        assertThat(update.accepted()).isEqualTo(3);
        assertThat(update.recomputed().get(first).points())
                .isEqualTo(series("2026-11-25T14:01:00Z", 1, "2026-11-25T14:05:00Z", 2));
        assertThat(update.recomputed().get(last).points())
                .isEqualTo(series("2026-11-25T14:01:00Z", 1, "2026-11-25T14:05:00Z", 3));
        assertThat(update.recomputed().get(COUNT_MINUTE_DAY).points())
                .isEqualTo(series("2026-11-25T14:01:00Z", 1, "2026-11-25T14:05:00Z", 2));
    }

    @Test
    void pointsAtOrBeforeNewestBucketMinusTimespanExpire() {
        Aggregation tenMinutes = aggregation("count", MINUTE, 10 * MINUTE);
        MetricAggregator aggregator = new MetricAggregator(List.of(tenMinutes), 0);
        List<Measure> halfAnHour = new ArrayList<>();
        for (int minute = 0; minute < 30; minute++) {
            halfAnHour.add(new Measure(nanos("2026-11-25T14:00:30Z") + minute * MINUTE, minute));
        }

        RecomputedAggregate recomputed =
                aggregator.apply(TimeSeries.EMPTY, halfAnHour).recomputed().get(tenMinutes);

        // Newest bucket 14:29, minus 10 minutes = 14:19: that bucket and older ones have expired.
        assertThat(recomputed.expiredUpTo()).isEqualTo(nanos("2026-11-25T14:19:00Z"));
        assertThat(recomputed.points().size()).isEqualTo(10);
        assertThat(recomputed.points().first()).isEqualTo(nanos("2026-11-25T14:20:00Z"));
        assertThat(recomputed.points().last()).isEqualTo(nanos("2026-11-25T14:29:00Z"));
    }

    @Test
    void aggregationWithoutTimespanKeepsEverything() {
        Aggregation forever = new Aggregation(AggregationMethod.parse("count"), MINUTE, null);
        MetricAggregator aggregator = new MetricAggregator(List.of(forever), 0);

        RecomputedAggregate recomputed = aggregator
                .apply(TimeSeries.EMPTY, measures("2016-11-25T14:00:00Z", 1, "2026-11-25T14:00:00Z", 1))
                .recomputed()
                .get(forever);

        assertThat(recomputed.expiredUpTo()).isEqualTo(Long.MIN_VALUE);
        assertThat(recomputed.points().size()).isEqualTo(2);
    }

    @Test
    void bufferKeepsOnlyTheRawMeasuresOfTheBackWindow() {
        MetricAggregator aggregator = new MetricAggregator(List.of(COUNT_MINUTE_DAY), 1);

        MetricUpdate update = aggregator.apply(
                TimeSeries.EMPTY,
                measures("2026-11-25T14:00:10Z", 1, "2026-11-25T14:01:10Z", 2, "2026-11-25T14:02:10Z", 3));

        assertThat(update.buffer()).isEqualTo(series("2026-11-25T14:01:10Z", 2, "2026-11-25T14:02:10Z", 3));
    }

    private static Aggregation aggregation(String method, long granularity, long timespan) {
        return new Aggregation(AggregationMethod.parse(method), granularity, timespan);
    }

    private static List<Measure> measures(Object... instantsAndValues) {
        List<Measure> measures = new ArrayList<>();
        for (int i = 0; i < instantsAndValues.length; i += 2) {
            measures.add(new Measure(
                    nanos((String) instantsAndValues[i]), ((Number) instantsAndValues[i + 1]).doubleValue()));
        }
        return measures;
    }
}
