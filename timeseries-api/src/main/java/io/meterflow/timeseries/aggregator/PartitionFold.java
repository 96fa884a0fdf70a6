package io.meterflow.timeseries.aggregator;

import io.meterflow.timeseries.aggregation.MetricUpdate;
import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.measure.AggregateChanges;
import io.meterflow.timeseries.storage.AggregateStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one aggregator task has folded from its partition since its last commit, and the
 * metrics' unaggregated buffers it works on.
 *
 * <p>Buffers live in PostgreSQL ({@code metric_unaggregated}, as in the direct mode) and are
 * written with the aggregates and the partition's position in one transaction at each commit,
 * once per metric however many records it had. A Streams state store with a changelog would
 * instead append a metric's whole buffer to Kafka on every record: up to an hour of raw points,
 * 57 KB at one point a second, for a record of a hundred measures. Recently used buffers stay
 * in memory, within a bound in points.
 */
final class PartitionFold {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionFold.class);

    private final Transactions transactions;
    private final AggregateStore store;
    private final AggregatorProgress progress;
    private final String topic;
    private final int partition;
    private final long cachedPointsBound;

    private final Map<UUID, TimeSeries> dirty = new HashMap<>();
    private final LinkedHashMap<UUID, TimeSeries> cached = new LinkedHashMap<>(1024, 0.75f, true);
    private long cachedPoints;
    private AggregateChanges changes = new AggregateChanges();
    /** Stored next offset when this fold loaded or last wrote it; null before the partition's first commit. */
    private Long committedOffset;
    private boolean positionLoaded;
    private boolean gapReported;
    private long nextOffset = -1;
    private long records;
    private long measures;

    PartitionFold(Transactions transactions, AggregateStore store, AggregatorProgress progress, String topic,
            int partition, long cachedPointsBound) {
        this.transactions = transactions;
        this.store = store;
        this.progress = progress;
        this.topic = topic;
        this.partition = partition;
        this.cachedPointsBound = cachedPointsBound;
    }

    /** False for a record the database already holds the result of (a replay after a crash). */
    boolean shouldFold(long offset) {
        if (!positionLoaded) {
            Optional<AggregatorProgress.Position> stored = transactions.read(
                    connection -> progress.read(connection, topic, partition));
            committedOffset = stored.map(AggregatorProgress.Position::nextOffset).orElse(null);
            positionLoaded = true;
        }
        if (committedOffset != null && offset > committedOffset && nextOffset < 0 && !gapReported) {
            // Kafka resumed past what PostgreSQL holds: records were committed without their aggregates.
            gapReported = true;
            LOG.error("{}-{} resumes at offset {} but the aggregates hold offsets below {} only: records {} to {} "
                    + "were never folded", topic, partition, offset, committedOffset, committedOffset, offset - 1);
        }
        return committedOffset == null || offset >= committedOffset;
    }

    /** The metric's buffer as folded so far, from this batch, the cache or the database. */
    Optional<TimeSeries> buffer(UUID metricId) {
        TimeSeries buffer = dirty.get(metricId);
        if (buffer == null) {
            buffer = cached.get(metricId);
        }
        if (buffer == null) {
            buffer = transactions.read(connection -> store.lockBuffers(connection, List.of(metricId))).get(metricId);
            if (buffer != null) {
                cache(metricId, buffer);
            }
        }
        return Optional.ofNullable(buffer);
    }

    void folded(UUID metricId, TimeSeries previousBuffer, MetricUpdate update) {
        if (update.changed()) {
            dirty.put(metricId, update.buffer());
            changes.add(metricId, previousBuffer, update);
        }
    }

    /** Counts a record as consumed, folded or not (dead-lettered, or for a deleted metric). */
    void consumed(long offset, int measureCount) {
        if (committedOffset == null && nextOffset < 0) {
            LOG.info("First fold of {}-{} starts at offset {}", topic, partition, offset);
        }
        nextOffset = offset + 1;
        records++;
        measures += measureCount;
    }

    /**
     * Writes the batch: aggregates, buffers and the partition's new position, atomically. Called
     * when Kafka Streams commits the task, before it commits the consumed offsets.
     */
    void commit() {
        if (nextOffset < 0) {
            return;
        }
        Long expected = committedOffset;
        long newOffset = nextOffset;
        boolean written;
        try {
            written = transactions.inTransaction(connection -> {
                if (!progress.advance(connection, topic, partition, expected, newOffset, records, measures)) {
                    connection.rollback();
                    return false;
                }
                List<UUID> ids = dirty.keySet().stream().sorted().toList();
                Map<UUID, TimeSeries> live = store.lockBuffers(connection, ids);
                if (live.size() < ids.size()) {
                    changes.retainMetrics(live.keySet()); // deleted while their measures were in flight
                }
                changes.writeTo(connection, store);
                Map<UUID, TimeSeries> buffers = new HashMap<>(dirty);
                buffers.keySet().retainAll(live.keySet());
                store.saveBuffers(connection, buffers);
                return true;
            });
        } catch (RuntimeException e) {
            throw new IllegalStateException("Writing the aggregates of " + topic + "-" + partition + " failed", e);
        }
        if (written) {
            dirty.forEach(this::cache);
            committedOffset = newOffset;
        } else {
            LOG.warn("{}-{} was folded up to a later offset by another aggregator instance; dropping this "
                    + "instance's batch up to offset {} and reloading", topic, partition, newOffset);
            cached.clear();
            cachedPoints = 0;
            positionLoaded = false;
        }
        dirty.clear();
        changes = new AggregateChanges();
        nextOffset = -1;
        records = 0;
        measures = 0;
    }

    private void cache(UUID metricId, TimeSeries buffer) {
        TimeSeries previous = cached.put(metricId, buffer);
        cachedPoints += buffer.size() - (previous == null ? 0 : previous.size());
        var eldest = cached.entrySet().iterator();
        while (cachedPoints > cachedPointsBound && eldest.hasNext()) {
            cachedPoints -= eldest.next().getValue().size();
            eldest.remove();
        }
    }
}
