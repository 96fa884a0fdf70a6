package io.meterflow.timeseries.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bucketing on the epoch, reduction per bucket, and the derivation behind rate: methods. */
class BucketAggregatorTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = 60 * SECOND;

    @ParameterizedTest(name = "{0} in buckets of {1} s starts at {2}")
    @CsvSource({
        "2014-10-06T14:33:57Z, 60, 2014-10-06T14:33:00Z",
        "2014-10-06T14:33:57Z, 300, 2014-10-06T14:30:00Z",
        "2014-10-06T14:33:57Z, 3600, 2014-10-06T14:00:00Z",
        "2014-10-06T14:33:57Z, 86400, 2014-10-06T00:00:00Z",
        "2014-10-06T14:35:00Z, 300, 2014-10-06T14:35:00Z",
        "2014-10-06T14:33:57Z, 7, 2014-10-06T14:33:54Z", // 1412606037 s - (1412606037 mod 7 = 3)
        "1970-01-01T00:00:00Z, 60, 1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59Z, 60, 1969-12-31T23:59:00Z"
    }) // floors, never rounds towards zero
    void bucketsAreAlignedOnTheEpoch(String timestamp, long granularitySeconds, String bucket) {
        assertThat(Buckets.floor(nanos(timestamp), granularitySeconds * SECOND)).isEqualTo(nanos(bucket));
    }

    @Test
    void subSecondBucketsAreExact() {
        assertThat(Buckets.floor(nanos("2015-03-06T14:33:57.700Z"), SECOND / 2))
                .isEqualTo(nanos("2015-03-06T14:33:57.500Z"));
    }

    @Test
    void boundsFoundOnceReduceAsThePerMethodPathDoes() {
        java.util.Random random = new java.util.Random(7);
        String[] methods = {"mean", "sum", "last", "first", "min", "max", "median", "std", "count", "95pct"};
        for (int round = 0; round < 500; round++) {
            int size = random.nextInt(200);
            long[] timestamps = new long[size];
            double[] values = new double[size];
            long t = (random.nextInt(2_000_000) - 1_000_000) * SECOND;
            for (int i = 0; i < size; i++) {
                t += 1 + random.nextInt(3) * (long) random.nextInt(90) * SECOND;
                timestamps[i] = t;
                values[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian() * 100;
            }
            TimeSeries series = new TimeSeries(timestamps, values);
            long granularity = new long[] {SECOND, 7 * SECOND, MINUTE, 3600 * SECOND}[random.nextInt(4)];
            BucketAggregator.Bounds bounds = BucketAggregator.bounds(series, granularity);
            for (String method : methods) {
                Reducer reducer = Reducer.parse(method);
                assertThat(BucketAggregator.reduce(bounds, reducer))
                        .as("%s at %d ns, round %d", method, granularity, round)
                        .isEqualTo(BucketAggregator.reduce(series, granularity, reducer));
            }
        }
    }

    @Test
    void reducesEachNonEmptyBucketToOnePointAtItsStart() {
        TimeSeries series = series(
                "2014-10-06T14:33:57Z", 43.1,
                "2014-10-06T14:34:12Z", 12,
                "2014-10-06T14:34:20Z", 2,
                "2014-10-06T14:37:00Z", 5);

        TimeSeries mean = BucketAggregator.reduce(series, MINUTE, Reducer.parse("mean"));

        assertThat(mean)
                .isEqualTo(series(
                        "2014-10-06T14:33:00Z", 43.1,
                        "2014-10-06T14:34:00Z", 7.0,
                        "2014-10-06T14:37:00Z", 5));
        assertThat(BucketAggregator.reduce(series, 3600 * SECOND, Reducer.parse("mean")))
                .isEqualTo(series("2014-10-06T14:00:00Z", (43.1 + 12 + 2 + 5) / 4));
    }

    @Test
    void bucketsOfOneValueGiveNoStandardDeviation() {
        TimeSeries series = series("2014-10-06T14:33:57Z", 43.1, "2014-10-06T14:34:12Z", 12, "2014-10-06T14:34:20Z", 2);

        assertThat(BucketAggregator.reduce(series, MINUTE, Reducer.parse("std")))
                .isEqualTo(series("2014-10-06T14:34:00Z", Math.sqrt(50)));
    }

    @Test
    void aggregatesFromTheStartBucketOnly() {
        TimeSeries series = series("2014-10-06T14:33:57Z", 43.1, "2014-10-06T14:34:12Z", 12, "2014-10-06T14:35:20Z", 2);

        TimeSeries sum = BucketAggregator.aggregate(series, nanos("2014-10-06T14:34:00Z"), MINUTE, method("sum"));

        assertThat(sum).isEqualTo(series("2014-10-06T14:34:00Z", 12, "2014-10-06T14:35:00Z", 2));
    }

    @Test
    void rateIsTheDifferenceOfConsecutiveMeasuresStampedAtTheLaterOne() {
        TimeSeries series = series(
                "2014-10-06T14:33:00Z", 10,
                "2014-10-06T14:33:30Z", 20,
                "2014-10-06T14:36:10Z", 50,
                "2014-10-06T14:36:20Z", 55);

        assertThat(BucketAggregator.differences(series))
                .isEqualTo(series(
                        "2014-10-06T14:33:30Z", 10,
                        "2014-10-06T14:36:10Z", 30,
                        "2014-10-06T14:36:20Z", 5));
        // The first measure has no predecessor, so its bucket rates only the second one.
        assertThat(BucketAggregator.aggregate(series, nanos("2014-10-06T14:33:00Z"), MINUTE, method("rate:sum")))
                .isEqualTo(series("2014-10-06T14:33:00Z", 10, "2014-10-06T14:36:00Z", 35));
        assertThat(BucketAggregator.aggregate(series, nanos("2014-10-06T14:33:00Z"), MINUTE, method("rate:last")))
                .isEqualTo(series("2014-10-06T14:33:00Z", 10, "2014-10-06T14:36:00Z", 5));
    }

    @Test
    void rateLooksBackOneBucketForThePredecessorAndNoFurther() {
        TimeSeries series = series(
                "2014-10-06T14:33:00Z", 10,
                "2014-10-06T14:33:30Z", 20,
                "2014-10-06T14:36:10Z", 50,
                "2014-10-06T14:36:20Z", 55);
        TimeSeries adjacent = series(
                "2014-10-06T14:35:50Z", 40,
                "2014-10-06T14:36:10Z", 50,
                "2014-10-06T14:36:20Z", 55);

        // Recomputing from 14:36: the predecessor 14:33:30 is two buckets back, so the 30 is lost
        // (Gnocchi gives 5.0 when the same data arrives in two separately processed requests).
        assertThat(BucketAggregator.aggregate(series, nanos("2014-10-06T14:36:00Z"), MINUTE, method("rate:sum")))
                .isEqualTo(series("2014-10-06T14:36:00Z", 5));
        // A predecessor in the bucket just before the start is used, and its own bucket is not output.
        assertThat(BucketAggregator.aggregate(adjacent, nanos("2014-10-06T14:36:00Z"), MINUTE, method("rate:sum")))
                .isEqualTo(series("2014-10-06T14:36:00Z", 15));
    }

    @Test
    void rateKeepsNegativeDifferencesOfCounterResets() {
        TimeSeries series = series("2014-10-06T14:33:00Z", 100, "2014-10-06T14:33:10Z", 39);

        assertThat(BucketAggregator.aggregate(series, nanos("2014-10-06T14:33:00Z"), MINUTE, method("rate:mean")))
                .isEqualTo(series("2014-10-06T14:33:00Z", -61));
    }

    @Test
    void rateOfASingleMeasureIsEmpty() {
        TimeSeries series = series("2014-10-06T14:33:00Z", 100);

        assertThat(BucketAggregator.aggregate(series, nanos("2014-10-06T14:33:00Z"), MINUTE, method("rate:mean")))
                .isEqualTo(TimeSeries.EMPTY);
    }

    @Test
    void ratePercentileAppliesToTheDifferences() {
        // Values whose differences are 1, 2, 4, 4, 6, 18 (Gnocchi's metric-derived test): rate:95pct = 15.0.
        TimeSeries series = series(
                "2015-03-06T14:34:00Z", 0,
                "2015-03-06T14:34:05Z", 1,
                "2015-03-06T14:34:10Z", 3,
                "2015-03-06T14:34:15Z", 7,
                "2015-03-06T14:34:20Z", 11,
                "2015-03-06T14:34:25Z", 17,
                "2015-03-06T14:34:30Z", 35);

        assertThat(BucketAggregator.aggregate(series, nanos("2015-03-06T14:34:00Z"), MINUTE, method("rate:95pct")))
                .isEqualTo(series("2015-03-06T14:34:00Z", 15.0));
    }

    static AggregationMethod method(String name) {
        return AggregationMethod.parse(name);
    }

    static long nanos(String instant) {
        Instant parsed = Instant.parse(instant);
        return parsed.getEpochSecond() * SECOND + parsed.getNano();
    }

    /** A series from alternating ISO instants and values. */
    static TimeSeries series(Object... instantsAndValues) {
        long[] timestamps = new long[instantsAndValues.length / 2];
        double[] values = new double[timestamps.length];
        for (int i = 0; i < timestamps.length; i++) {
            timestamps[i] = nanos((String) instantsAndValues[2 * i]);
            values[i] = ((Number) instantsAndValues[2 * i + 1]).doubleValue();
        }
        return new TimeSeries(timestamps, values);
    }
}
