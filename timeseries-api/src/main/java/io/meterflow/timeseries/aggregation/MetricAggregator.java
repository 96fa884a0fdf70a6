package io.meterflow.timeseries.aggregation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Folds new measures into a metric, as Gnocchi's metricd does, in pure computation.
 *
 * <p>The metric keeps its recent raw measures (the "unaggregated buffer") from the start of the
 * back window on: the block of the largest granularity holding the newest measure, minus
 * {@code backWindow} such blocks. Measures older than that are dropped; a metric's first
 * measures are always accepted. Each aggregate is recomputed from the buffer starting at the
 * bucket of the oldest new measure, so late measures within the window update their buckets.
 */
public final class MetricAggregator {

    private final List<Aggregation> aggregations;
    private final long blockSize;
    private final int backWindow;

    public MetricAggregator(List<Aggregation> aggregations, int backWindow) {
        if (aggregations.isEmpty()) {
            throw new IllegalArgumentException("an archive policy needs at least one aggregation");
        }
        this.aggregations = List.copyOf(aggregations);
        this.blockSize = aggregations.stream().mapToLong(Aggregation::granularity).max().orElseThrow();
        // Rates need the measure before a late one: Gnocchi keeps one more block for them.
        boolean anyRate = aggregations.stream().anyMatch(aggregation -> aggregation.method().rate());
        this.backWindow = anyRate ? backWindow + 1 : backWindow;
    }

    public MetricUpdate apply(TimeSeries buffer, List<Measure> measures) {
        TimeSeries incoming = sortedLastWriteWins(measures);
        if (!buffer.isEmpty()) {
            incoming = incoming.from(firstBlockStart(buffer));
        }
        int dropped = measures.size() - incoming.size();
        if (incoming.isEmpty()) {
            return new MetricUpdate(buffer, Map.of(), 0, dropped);
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
                    : BucketAggregator.reduce(boundsByGranularity.computeIfAbsent(granularity,
                            g -> BucketAggregator.bounds(merged.from(start), g)), aggregation.method().reducer());
            long expiredUpTo = aggregation.expiryCutoff(merged.last());
            recomputed.put(aggregation, new RecomputedAggregate(start, points.after(expiredUpTo), expiredUpTo));
        }
        TimeSeries truncated = merged.from(firstBlockStart(merged));
        return new MetricUpdate(truncated, recomputed, incoming.size(), dropped);
    }

    private long firstBlockStart(TimeSeries series) {
        return Buckets.floor(series.last(), blockSize) - blockSize * backWindow;
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
