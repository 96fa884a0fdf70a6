package io.meterflow.timeseries.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Folds new measures into a metric, as Gnocchi's metricd does, in pure computation.
 *
 * <p>The metric keeps its recent raw measures (the "unaggregated buffer") from the start of the
 * back window on: the block of the largest granularity holding the newest measure, minus
 * {@code backWindow} such blocks. Measures older than that are dropped; a metric's first
 * measures are always accepted. Each aggregate is recomputed from the buffer starting at the
 * bucket of the oldest new measure, so late measures within the window update their buckets.
 *
 * <p>Measures newer than all the metric's raw measures, the usual case, can instead fold into the
 * open bucket of each granularity ({@link #applyInOrder}) when every method merges in order and
 * every granularity divides the largest one (so an open bucket never starts before the window).
 * The two paths give the same points; the in-order one reads nothing of the buffer, which at one
 * measure a second grows to 3,600 points an hour while each fold adds one.
 */
public final class MetricAggregator {

    private final List<Aggregation> aggregations;
    private final long blockSize;
    private final int backWindow;
    private final long[] granularities;
    private final boolean foldsInOrder;

    public MetricAggregator(List<Aggregation> aggregations, int backWindow) {
        if (aggregations.isEmpty()) {
            throw new IllegalArgumentException("an archive policy needs at least one aggregation");
        }
        this.aggregations = List.copyOf(aggregations);
        this.blockSize =
                aggregations.stream().mapToLong(Aggregation::granularity).max().orElseThrow();
        // Rates need the measure before a late one: Gnocchi keeps one more block for them.
        boolean anyRate = aggregations.stream()
                .anyMatch(aggregation -> aggregation.method().rate());
        this.backWindow = anyRate ? backWindow + 1 : backWindow;
        this.granularities = aggregations.stream()
                .mapToLong(Aggregation::granularity)
                .distinct()
                .toArray();
        this.foldsInOrder = aggregations.stream()
                .allMatch(aggregation -> !aggregation.method().rate()
                        && aggregation.method().reducer().mergesInOrder()
                        && blockSize % aggregation.granularity() == 0);
    }

    /**
     * Folds measures into the buffer. The buffer may hold raw measures from before its window
     * (stored slices are dropped whole); they are left out, as if it had been cut.
     */
    public MetricUpdate apply(TimeSeries storedBuffer, List<Measure> measures) {
        TimeSeries buffer = storedBuffer.isEmpty() ? storedBuffer : storedBuffer.from(firstBlockStart(storedBuffer));
        TimeSeries incoming = sortedLastWriteWins(measures);
        if (!buffer.isEmpty()) {
            incoming = incoming.from(firstBlockStart(buffer));
        }
        int dropped = measures.size() - incoming.size();
        if (incoming.isEmpty()) {
            return new MetricUpdate(buffer, Long.MAX_VALUE, Map.of(), 0, dropped);
        }
        TimeSeries merged = TimeSeries.merge(buffer, incoming);
        long recomputeFrom = Math.max(merged.first(), incoming.first());
        Map<Aggregation, RecomputedAggregate> recomputed = new LinkedHashMap<>();
        Map<Long, BucketAggregator.Bounds> boundsByGranularity = new HashMap<>();
        for (Aggregation aggregation : aggregations) {
            long granularity = aggregation.granularity();
            long start = Buckets.floor(recomputeFrom, granularity);
            TimeSeries points = aggregation.method().rate()
                    ? BucketAggregator.aggregate(merged, start, granularity, aggregation.method())
                    : BucketAggregator.reduce(
                            boundsByGranularity.computeIfAbsent(
                                    granularity, g -> BucketAggregator.bounds(merged.from(start), g)),
                            aggregation.method().reducer());
            long expiredUpTo = aggregation.expiryCutoff(merged.last());
            recomputed.put(aggregation, new RecomputedAggregate(start, points.after(expiredUpTo), expiredUpTo));
        }
        TimeSeries truncated = merged.from(firstBlockStart(merged));
        return new MetricUpdate(truncated, incoming.first(), recomputed, incoming.size(), dropped);
    }

    private long firstBlockStart(TimeSeries series) {
        return windowStart(series.last());
    }

    /** The oldest instant the buffer keeps once its newest raw measure is {@code newest}. */
    public long windowStart(long newest) {
        return Buckets.floor(newest, blockSize) - blockSize * backWindow;
    }

    /** Whether {@link #applyInOrder} can fold this policy's measures. */
    public boolean foldsInOrder() {
        return foldsInOrder;
    }

    /** The open buckets of a buffer as {@link #apply} left it; empty for an empty buffer. */
    public Optional<OpenBuckets> openBuckets(TimeSeries buffer) {
        if (buffer.isEmpty()) {
            return Optional.empty();
        }
        List<OpenBucket> open = new ArrayList<>(granularities.length);
        for (long granularity : granularities) {
            long start = Buckets.floor(buffer.last(), granularity);
            TimeSeries bucket = buffer.from(start);
            OpenBucket folded = OpenBucket.of(start, bucket.values()[0]);
            for (int i = 1; i < bucket.size(); i++) {
                folded = folded.with(bucket.values()[i]);
            }
            open.add(folded);
        }
        return Optional.of(new OpenBuckets(buffer.last(), open));
    }

    /**
     * Folds measures into the open buckets, with the same points as {@link #apply} would give from
     * the buffer; empty when it cannot: the policy does not {@link #foldsInOrder() fold in order},
     * or a measure is not newer than {@code open.newest()} (late or overwriting: it needs the buffer).
     */
    public Optional<InOrderUpdate> applyInOrder(OpenBuckets open, List<Measure> measures) {
        TimeSeries incoming = sortedLastWriteWins(measures);
        if (!foldsInOrder || incoming.isEmpty() || incoming.first() <= open.newest()) {
            return Optional.empty();
        }
        List<OpenBucket> stillOpen = new ArrayList<>(granularities.length);
        Map<Long, List<OpenBucket>> touchedByGranularity = new HashMap<>();
        Map<Long, OpenBucket> before = new HashMap<>();
        for (int g = 0; g < granularities.length; g++) {
            List<OpenBucket> touched = new ArrayList<>();
            OpenBucket current = open.buckets().get(g);
            before.put(granularities[g], current);
            boolean currentTouched = false;
            for (int i = 0; i < incoming.size(); i++) {
                long start = Buckets.floor(incoming.timestamps()[i], granularities[g]);
                if (start == current.start()) {
                    current = current.with(incoming.values()[i]);
                } else {
                    if (currentTouched) {
                        touched.add(current);
                    }
                    current = OpenBucket.of(start, incoming.values()[i]);
                }
                currentTouched = true;
            }
            touched.add(current);
            stillOpen.add(current);
            touchedByGranularity.put(granularities[g], touched);
        }
        Map<Aggregation, RecomputedAggregate> recomputed = new LinkedHashMap<>();
        for (Aggregation aggregation : aggregations) {
            List<OpenBucket> touched = touchedByGranularity.get(aggregation.granularity());
            // foldsInOrder: every method of the policy has a running fold.
            Reducer.Running reducer = (Reducer.Running) aggregation.method().reducer();
            if (unchanged(reducer, before.get(aggregation.granularity()), touched)) {
                continue;
            }
            long[] starts = new long[touched.size()];
            double[] values = new double[touched.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = touched.get(i).start();
                values[i] = reducer.value(touched.get(i));
            }
            long expiredUpTo = aggregation.expiryCutoff(incoming.last());
            long from = Buckets.floor(incoming.first(), aggregation.granularity());
            recomputed.put(
                    aggregation,
                    new RecomputedAggregate(from, new TimeSeries(starts, values).after(expiredUpTo), expiredUpTo));
        }
        return Optional.of(new InOrderUpdate(
                incoming, new OpenBuckets(incoming.last(), stillOpen), recomputed, measures.size() - incoming.size()));
    }

    /**
     * Whether the measures left the aggregate's stored points as they were: they all fell in the
     * open bucket and its value is the same, bit for bit (a max or min the new values did not pass,
     * a first). The stored point is then the open bucket's value before, and neither the points nor
     * the retention line (the newest bucket did not move) change: the split need not be read or
     * written. In a soak of one measure a second per metric this spared the min and max splits of
     * nearly every fold.
     */
    private static boolean unchanged(Reducer.Running reducer, OpenBucket before, List<OpenBucket> touched) {
        if (touched.size() != 1 || touched.get(0).start() != before.start()) {
            return false;
        }
        return Double.doubleToRawLongBits(reducer.value(before))
                == Double.doubleToRawLongBits(reducer.value(touched.get(0)));
    }

    /** Sorts by timestamp; of several measures at one timestamp the last one sent is kept. */
    static TimeSeries sortedLastWriteWins(List<Measure> measures) {
        Integer[] order = IntStream.range(0, measures.size()).boxed().toArray(Integer[]::new);
        // Stable sort: among equal timestamps the original order is kept, so the last one wins.
        Arrays.sort(order, Comparator.comparingLong(i -> measures.get(i).timestamp()));
        long[] ts = new long[order.length];
        double[] vs = new double[order.length];
        int n = 0;
        for (Integer index : order) {
            Measure measure = measures.get(index);
            if (n > 0 && ts[n - 1] == measure.timestamp()) {
                vs[n - 1] = measure.value();
            } else {
                ts[n] = measure.timestamp();
                vs[n++] = measure.value();
            }
        }
        return new TimeSeries(Arrays.copyOf(ts, n), Arrays.copyOf(vs, n));
    }
}
