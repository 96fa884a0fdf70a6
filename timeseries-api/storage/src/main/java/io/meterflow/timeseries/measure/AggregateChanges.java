package io.meterflow.timeseries.measure;

import io.meterflow.timeseries.aggregation.Aggregation;
import io.meterflow.timeseries.aggregation.MetricUpdate;
import io.meterflow.timeseries.aggregation.RecomputedAggregate;
import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.split.SplitKey;
import io.meterflow.timeseries.storage.AggregateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The stored splits a set of metric updates changes, gathered so that they are written together:
 * one read of the splits whose stored points are partly kept, one multi-row upsert, one delete
 * of expired splits.
 *
 * <p>Both ways measures are aggregated use it: the synchronous write of one request and the
 * Kafka Streams aggregator. Several updates of one split are composed in order (a later update
 * replaces the split's points from its own first bucket on, not the whole split), so the split
 * is read and merged once. Writing the same changes twice leaves the same splits.
 */
public final class AggregateChanges {

    private final Map<SplitKey, SplitChange> changes = new LinkedHashMap<>();
    private final List<AggregateStore.Expiry> expiries = new ArrayList<>();

    /** Records what {@code update} recomputed; {@code previousBuffer} is the buffer it started from. */
    public void add(UUID metricId, TimeSeries previousBuffer, MetricUpdate update) {
        add(metricId, previousBuffer.isEmpty() ? null : previousBuffer.last(), update.recomputed());
    }

    /**
     * Records recomputed aggregates of a metric whose newest raw measure was {@code previousNewest}
     * before them (null for a metric without measures).
     */
    public void add(UUID metricId, Long previousNewest, Map<Aggregation, RecomputedAggregate> recomputed) {
        for (Map.Entry<Aggregation, RecomputedAggregate> entry : recomputed.entrySet()) {
            planSplitChanges(metricId, entry.getKey(), entry.getValue());
            planExpiry(metricId, entry.getKey(), previousNewest, entry.getValue());
        }
    }

    /** Forgets the changes of metrics not in {@code metricIds} (deleted while their measures were in flight). */
    public void retainMetrics(Set<UUID> metricIds) {
        changes.keySet().removeIf(key -> !metricIds.contains(key.metricId()));
        expiries.removeIf(expiry -> !metricIds.contains(expiry.metricId()));
    }

    public boolean isEmpty() {
        return changes.isEmpty() && expiries.isEmpty();
    }

    /** Applies every change within the caller's transaction. */
    public void writeTo(Connection connection, AggregateStore store) throws SQLException {
        if (isEmpty()) {
            return;
        }
        // Only a split whose change starts after its first bucket keeps stored points; the rest
        // (every split after an aggregate's first changed one) are replaced whole, unread.
        List<SplitKey> partlyKept = changes.entrySet().stream()
                .filter(change -> change.getValue().from() > change.getKey().splitStart())
                .map(Map.Entry::getKey)
                .toList();
        Map<SplitKey, TimeSeries> existing = store.loadSplits(connection, partlyKept);
        Map<SplitKey, TimeSeries> merged = new LinkedHashMap<>();
        changes.forEach((key, change) -> merged.put(key, change.applyTo(existing.getOrDefault(key, TimeSeries.EMPTY))));
        store.saveSplits(connection, merged);
        store.deleteExpired(connection, expiries);
    }

    /**
     * The splits the recomputed points fall in, plus the split of the first recomputed bucket
     * (whose stored points from that bucket on are replaced even if none are recomputed). Splits
     * in between without recomputed points held no stored points either: their raw measures
     * would be in the buffer and recomputed. Measures years apart thus touch two splits, not
     * every empty split between them.
     */
    private void planSplitChanges(UUID metricId, Aggregation aggregation, RecomputedAggregate recomputed) {
        long granularity = aggregation.granularity();
        String method = aggregation.method().name();
        TimeSeries points = recomputed.points();
        long span = SplitKey.span(granularity);
        long firstSplit = SplitKey.splitStartOf(recomputed.from(), granularity);
        plan(
                new SplitKey(metricId, method, granularity, firstSplit),
                new SplitChange(
                        recomputed.from(), points.between(firstSplit, firstSplit + span), recomputed.expiredUpTo()));
        SplitKey.bySplit(points, points.indexFrom(firstSplit + span), granularity)
                .forEach((start, split) -> plan(
                        new SplitKey(metricId, method, granularity, start),
                        new SplitChange(recomputed.from(), split, recomputed.expiredUpTo())));
    }

    /** A later change of the same split is composed with the earlier one, so a split is merged once. */
    private void plan(SplitKey key, SplitChange change) {
        changes.merge(key, change, SplitChange::then);
    }

    /** Drops splits the retention has left behind, once the expiry line crosses into a new split. */
    private void planExpiry(
            UUID metricId, Aggregation aggregation, Long previousNewest, RecomputedAggregate recomputed) {
        if (aggregation.timespan() == null || previousNewest == null) {
            return;
        }
        long granularity = aggregation.granularity();
        long keepFrom = SplitKey.splitStartOf(recomputed.expiredUpTo(), granularity);
        long keptBefore = SplitKey.splitStartOf(aggregation.expiryCutoff(previousNewest), granularity);
        if (keepFrom > keptBefore) {
            expiries.add(
                    new AggregateStore.Expiry(metricId, aggregation.method().name(), granularity, keepFrom));
        }
    }

    /** Replaces a split's points from {@code from} on, and drops its expired points. */
    record SplitChange(long from, TimeSeries replacement, long expiredUpTo) {
        TimeSeries applyTo(TimeSeries stored) {
            TimeSeries kept = stored.between(Long.MIN_VALUE, from).after(expiredUpTo);
            return TimeSeries.merge(kept, replacement);
        }

        /**
         * This change followed by {@code next}, as one change: what {@code next} replaces is
         * dropped from this replacement, and the later expiry applies to what is left of it.
         */
        SplitChange then(SplitChange next) {
            long expired = Math.max(expiredUpTo, next.expiredUpTo);
            if (next.from <= from) {
                return new SplitChange(next.from, next.replacement, expired);
            }
            TimeSeries keptOfThis =
                    replacement.between(Long.MIN_VALUE, next.from).after(next.expiredUpTo);
            return new SplitChange(from, TimeSeries.merge(keptOfThis, next.replacement), expired);
        }
    }
}
