package io.meterflow.timeseries.measure;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.meterflow.timeseries.aggregation.Aggregation;
import io.meterflow.timeseries.aggregation.Measure;
import io.meterflow.timeseries.aggregation.MetricAggregator;
import io.meterflow.timeseries.aggregation.MetricUpdate;
import io.meterflow.timeseries.aggregation.RecomputedAggregate;
import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.storage.AggregateStore;
import io.meterflow.timeseries.storage.SplitKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Folds measures into their metrics' aggregates in one transaction: either every metric of a
 * batch is updated or none is, so a failure mid-batch neither loses nor double-counts.
 */
public final class MeasureWriter {

    /** What a write did, for logs and metrics. */
    public record WriteResult(int accepted, int dropped) {
    }

    private final Transactions transactions;
    private final AggregateStore store;
    private final Meter accepted;
    private final Meter dropped;
    private final Timer writes;

    public MeasureWriter(Transactions transactions, AggregateStore store, MetricRegistry metrics) {
        this.transactions = transactions;
        this.store = store;
        this.accepted = metrics.meter("meterflow.measures.accepted");
        this.dropped = metrics.meter("meterflow.measures.dropped");
        this.writes = metrics.timer("meterflow.measures.write");
    }

    public WriteResult write(Map<Metric, List<Measure>> batch) {
        if (batch.values().stream().allMatch(List::isEmpty)) {
            return new WriteResult(0, 0);
        }
        try (Timer.Context timing = writes.time()) {
            return transactions.inTransaction(connection -> fold(connection, batch));
        }
    }

    /** Folds the batch within the caller's transaction (used when metrics are created alongside). */
    public WriteResult fold(Connection connection, Map<Metric, List<Measure>> batch) throws SQLException {
        List<Metric> metrics = batch.keySet().stream().sorted(Comparator.comparing(Metric::id)).toList();
        Map<UUID, TimeSeries> buffers = store.lockBuffers(connection, metrics.stream().map(Metric::id).toList());
        Map<UUID, TimeSeries> newBuffers = new HashMap<>();
        Map<SplitKey, SplitChange> changes = new LinkedHashMap<>();
        List<AggregateStore.Expiry> expiries = new ArrayList<>();
        int accepted = 0;
        int dropped = 0;
        for (Metric metric : metrics) {
            TimeSeries buffer = buffers.get(metric.id());
            List<Measure> measures = batch.get(metric);
            if (buffer == null || measures.isEmpty()) {
                continue; // deleted while the request was in flight, as if the write came after
            }
            MetricAggregator aggregator = new MetricAggregator(
                    metric.archivePolicy().aggregations(), metric.archivePolicy().backWindow());
            MetricUpdate update = aggregator.apply(buffer, measures);
            accepted += update.accepted();
            dropped += update.dropped();
            if (!update.changed()) {
                continue;
            }
            newBuffers.put(metric.id(), update.buffer());
            for (Map.Entry<Aggregation, RecomputedAggregate> entry : update.recomputed().entrySet()) {
                planSplitChanges(metric.id(), entry.getKey(), entry.getValue(), changes);
                planExpiry(metric.id(), entry.getKey(), buffer, entry.getValue(), expiries);
            }
        }
        Map<SplitKey, TimeSeries> existing = store.loadSplits(connection, changes.keySet());
        Map<SplitKey, TimeSeries> merged = new LinkedHashMap<>();
        changes.forEach((key, change) -> merged.put(key, change.applyTo(existing.getOrDefault(key, TimeSeries.EMPTY))));
        store.saveSplits(connection, merged);
        store.deleteExpired(connection, expiries);
        store.saveBuffers(connection, newBuffers);
        // Counted before commit: a rolled-back batch overcounts, which a meter of offered load tolerates.
        this.accepted.mark(accepted);
        this.dropped.mark(dropped);
        return new WriteResult(accepted, dropped);
    }

    /**
     * The splits the recomputed points fall in, plus the split of the first recomputed bucket
     * (whose stored points from that bucket on are replaced even if none are recomputed). Splits
     * in between without recomputed points held no stored points either: their raw measures
     * would be in the buffer and recomputed. Measures years apart thus touch two splits, not
     * every empty split between them.
     */
    private static void planSplitChanges(UUID metricId, Aggregation aggregation, RecomputedAggregate recomputed,
            Map<SplitKey, SplitChange> changes) {
        long granularity = aggregation.granularity();
        String method = aggregation.method().name();
        TimeSeries points = recomputed.points();
        long span = SplitKey.span(granularity);
        long firstSplit = SplitKey.splitStartOf(recomputed.from(), granularity);
        changes.put(new SplitKey(metricId, method, granularity, firstSplit), new SplitChange(recomputed.from(),
                points.between(firstSplit, firstSplit + span), recomputed.expiredUpTo()));
        int index = points.indexFrom(firstSplit + span);
        while (index < points.size()) {
            long start = SplitKey.splitStartOf(points.timestamps()[index], granularity);
            int end = points.indexFrom(start + span);
            changes.put(new SplitKey(metricId, method, granularity, start), new SplitChange(recomputed.from(),
                    points.slice(index, end), recomputed.expiredUpTo()));
            index = end;
        }
    }

    /** Drops splits the retention has left behind, once the expiry line crosses into a new split. */
    private static void planExpiry(UUID metricId, Aggregation aggregation, TimeSeries oldBuffer,
            RecomputedAggregate recomputed, List<AggregateStore.Expiry> expiries) {
        if (aggregation.timespan() == null || oldBuffer.isEmpty()) {
            return;
        }
        long granularity = aggregation.granularity();
        long keepFrom = SplitKey.splitStartOf(recomputed.expiredUpTo(), granularity);
        long keptBefore = SplitKey.splitStartOf(aggregation.expiryCutoff(oldBuffer.last()), granularity);
        if (keepFrom > keptBefore) {
            expiries.add(new AggregateStore.Expiry(metricId, aggregation.method().name(), granularity, keepFrom));
        }
    }

    /** Replaces a split's points from {@code from} on, and drops its expired points. */
    private record SplitChange(long from, TimeSeries replacement, long expiredUpTo) {
        TimeSeries applyTo(TimeSeries stored) {
            TimeSeries kept = stored.between(Long.MIN_VALUE, from).after(expiredUpTo);
            return TimeSeries.merge(kept, replacement);
        }
    }
}
