package io.meterflow.timeseries.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The in-order fold against a fold from the whole buffer, on random streams: wherever the
 * in-order fold applies it must give the same points, bit for bit, and the same open buckets as
 * a recomputation from scratch; late and overwriting measures must be refused by it.
 */
class InOrderFoldTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final List<String> MERGING = List.of("mean", "sum", "count", "min", "max", "first", "last");

    private static int skippedTotal;

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.02, 0.3})
    void matchesARecomputationFromTheBufferOnRandomStreams(double lateShare) {
        skippedTotal = 0;
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed * 31L + (long) (lateShare * 1000));
            MetricAggregator aggregator = new MetricAggregator(randomPolicy(random), random.nextInt(3));
            assertThat(aggregator.foldsInOrder()).isTrue();
            replay(aggregator, random, lateShare, "seed " + seed);
        }
        assertThat(skippedTotal).as("aggregations left alone as unchanged").isPositive();
    }

    private static void replay(MetricAggregator aggregator, Random random, double lateShare, String label) {
        TimeSeries buffer = TimeSeries.EMPTY;
        Optional<OpenBuckets> open = Optional.empty();
        long clock = 1_700_000_000L * SECOND + random.nextInt(1_000_000) * SECOND;
        int inOrderFolds = 0;
        int skipped = 0;
        Map<Aggregation, TimeSeries> previous = new HashMap<>(); // the stored points, as a full fold leaves them
        for (int batch = 0; batch < 60; batch++) {
            List<Measure> measures = new ArrayList<>();
            int count = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);
            for (int i = 0; i < count; i++) {
                long step = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(1000) * 1_000_000L; // sub-second
                    case 1 -> random.nextInt(10) * SECOND;
                    case 2 -> random.nextInt(5) * MINUTE;
                    default -> random.nextInt(100) == 0 ? random.nextInt(3) * HOUR : SECOND;
                };
                clock += step;
                long timestamp = random.nextDouble() < lateShare ? clock - random.nextInt(7200) * SECOND : clock;
                measures.add(new Measure(timestamp, value(random)));
            }
            MetricUpdate expected = aggregator.apply(buffer, measures);
            if (open.isPresent()) {
                Optional<InOrderUpdate> folded = aggregator.applyInOrder(open.get(), measures);
                long newest = open.get().newest();
                boolean allNewer = measures.stream().allMatch(m -> m.timestamp() > newest);
                assertThat(folded.isPresent())
                        .as(label + " batch " + batch + ": applies iff all newer")
                        .isEqualTo(allNewer);
                if (folded.isPresent()) {
                    inOrderFolds++;
                    InOrderUpdate update = folded.get();
                    // Left out only where the stored points stay: the one open bucket, same value bit for bit.
                    for (Map.Entry<Aggregation, RecomputedAggregate> recomputed :
                            expected.recomputed().entrySet()) {
                        RecomputedAggregate incremental = update.recomputed().get(recomputed.getKey());
                        if (incremental != null) {
                            assertThat(incremental)
                                    .as(label + " batch " + batch)
                                    .isEqualTo(recomputed.getValue());
                            continue;
                        }
                        skipped++;
                        TimeSeries stored = previous.get(recomputed.getKey());
                        assertThat(recomputed.getValue().points())
                                .as(label + " batch " + batch + " unchanged")
                                .isEqualTo(stored.from(recomputed.getValue().from()));
                        assertThat(recomputed.getValue().points().size()).isEqualTo(1);
                    }
                    assertThat(expected.recomputed().keySet())
                            .containsAll(update.recomputed().keySet());
                    assertThat(update.accepted()).isEqualTo(expected.accepted());
                    assertThat(update.dropped()).isEqualTo(expected.dropped());
                    assertThat(Optional.of(update.open()))
                            .as(label + " open buckets")
                            .isEqualTo(aggregator.openBuckets(expected.buffer()));
                    // What the stored slices hold after the append, cut at the window, is the buffer.
                    assertThat(TimeSeries.merge(buffer, update.appended())
                                    .from(aggregator.windowStart(update.open().newest())))
                            .isEqualTo(expected.buffer());
                }
            }
            buffer = expected.buffer();
            open = aggregator.openBuckets(buffer);
            expected.recomputed()
                    .forEach((aggregation, recomputed) -> previous.merge(
                            aggregation,
                            recomputed.points(),
                            (stored, points) ->
                                    TimeSeries.merge(stored.between(Long.MIN_VALUE, recomputed.from()), points)));
        }
        if (lateShare == 0) {
            assertThat(inOrderFolds).as(label).isGreaterThan(30); // equal timestamps (steps of 0) are overwrites
        }
        skippedTotal += skipped;
    }

    @Test
    void refusesMeasuresAtOrBeforeTheNewest() {
        Aggregation max = new Aggregation(AggregationMethod.parse("max"), MINUTE, DAY);
        MetricAggregator aggregator = new MetricAggregator(List.of(max), 0);
        MetricUpdate first = aggregator.apply(TimeSeries.EMPTY, List.of(new Measure(10 * MINUTE, 5)));
        OpenBuckets open = aggregator.openBuckets(first.buffer()).orElseThrow();

        assertThat(aggregator.applyInOrder(open, List.of(new Measure(10 * MINUTE, 1))))
                .isEmpty(); // overwrite
        assertThat(aggregator.applyInOrder(open, List.of(new Measure(9 * MINUTE, 1))))
                .isEmpty(); // late
        assertThat(aggregator.applyInOrder(open, List.of(new Measure(10 * MINUTE + 1, 7))))
                .isPresent();
    }

    @Test
    void foldsInOrderOnlyWhenEveryMethodMergesAndGranularitiesDivideTheLargest() {
        assertThat(policy(List.of("mean", "max"), MINUTE, HOUR).foldsInOrder()).isTrue();
        assertThat(policy(List.of("mean", "std"), MINUTE, HOUR).foldsInOrder()).isFalse();
        assertThat(policy(List.of("median"), MINUTE, HOUR).foldsInOrder()).isFalse();
        assertThat(policy(List.of("95pct"), MINUTE, HOUR).foldsInOrder()).isFalse();
        assertThat(policy(List.of("rate:mean"), MINUTE, HOUR).foldsInOrder()).isFalse();
        assertThat(policy(List.of("mean"), 7 * SECOND, HOUR).foldsInOrder()).isFalse();
    }

    private static MetricAggregator policy(List<String> methods, long... granularities) {
        List<Aggregation> aggregations = new ArrayList<>();
        for (long granularity : granularities) {
            for (String method : methods) {
                aggregations.add(new Aggregation(AggregationMethod.parse(method), granularity, 30 * DAY));
            }
        }
        return new MetricAggregator(aggregations, 0);
    }

    private static List<Aggregation> randomPolicy(Random random) {
        List<List<Long>> shapes = List.of(
                List.of(MINUTE, HOUR),
                List.of(SECOND, MINUTE, HOUR),
                List.of(5 * MINUTE),
                List.of(SECOND / 2, 10 * SECOND),
                List.of(HOUR, DAY));
        List<Long> granularities = shapes.get(random.nextInt(shapes.size()));
        List<String> methods = new ArrayList<>(MERGING);
        java.util.Collections.shuffle(methods, random);
        methods = methods.subList(0, 1 + random.nextInt(methods.size()));
        List<Aggregation> aggregations = new ArrayList<>();
        for (long granularity : granularities) {
            Long timespan = random.nextInt(4) == 0 ? null : granularity * (2 + random.nextInt(200));
            for (String method : methods) {
                aggregations.add(new Aggregation(AggregationMethod.parse(method), granularity, timespan));
            }
        }
        return aggregations;
    }

    private static double value(Random random) {
        return switch (random.nextInt(40)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> Double.NEGATIVE_INFINITY;
            case 3 -> -0.0;
            case 4 -> 0.0;
            default -> (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(12) - 4);
        };
    }
}
