package io.meterflow.timeseries.aggregator;

import io.meterflow.timeseries.aggregation.InOrderUpdate;
import io.meterflow.timeseries.aggregation.Measure;
import io.meterflow.timeseries.aggregation.MetricAggregator;
import io.meterflow.timeseries.aggregation.MetricUpdate;
import io.meterflow.timeseries.aggregation.OpenBuckets;
import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.deadletter.DeadLetterLedger;
import io.meterflow.timeseries.measure.AggregateChanges;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.storage.AggregateStore;
import io.meterflow.timeseries.storage.BufferSlices;
import io.meterflow.wire.DeadLetterHeaders;
import io.meterflow.wire.MeasureRecord;
import io.meterflow.wire.MeasureRecordCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one aggregator task has consumed from its partition since its last commit, folded and
 * written when the task commits.
 *
 * <p>Measures are gathered per metric and folded once per commit, whatever number of records
 * brought them: Ceilometer sends one measure per metric per request, and folding each of those
 * alone recomputed all of the metric's aggregations and rewrote its splits every time (measured:
 * 7.3k measures/s end to end, the stream thread saturated). Buffers live in PostgreSQL
 * ({@link BufferSlices}, as in the direct mode) and are written with the aggregates and the
 * partition's position in one transaction; a Streams state store with a changelog would append
 * a metric's whole buffer (up to an hour of raw points, 57 KB at one point a second) to Kafka for
 * every record.
 *
 * <p>What a metric folded last stays in memory, within a bound in bytes: for a policy whose
 * methods merge in order, its open buckets and the raw points of its newest buffer slice, so that
 * newer measures fold without reading the buffer and rewrite one slice; for other policies, the
 * whole buffer. Metrics not in memory, and late or overwriting measures, read the buffer, in one
 * query per commit.
 */
final class PartitionFold {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionFold.class);

    private final Transactions transactions;
    private final AggregateStore store;
    private final BufferSlices slices;
    private final AggregatorProgress progress;
    private final String topic;
    private final int partition;
    private final long cachedBytesBound;
    private final AggregatorMetrics counters;
    private final Aggregators aggregators;
    private final MetricLookup lookup;

    private final Map<UUID, Metric> metrics = new HashMap<>();
    private final DeadLetterSink deadLetters;
    private final MeasureRecordCodec codec = new MeasureRecordCodec();
    private final DeadLetterLedger ledger = new DeadLetterLedger();

    private final Map<UUID, PendingMeasures> pending = new LinkedHashMap<>();
    /** Dead letters of this batch not yet acknowledged by Kafka. */
    private final List<DeadLetterSink.Letter> unsent = new ArrayList<>();
    /** Every dead letter of this batch, recorded with the batch's progress. */
    private final List<DeadLetterLedger.Entry> deadLettered = new ArrayList<>();

    private final LinkedHashMap<UUID, CachedBuffer> cached = new LinkedHashMap<>(1024, 0.75f, true);
    private long cachedBytes;
    /** Stored next offset when this fold loaded or last wrote it; null before the partition's first commit. */
    private Long committedOffset;

    private boolean positionLoaded;
    private boolean gapChecked;
    private long nextOffset = -1;
    private long records;
    private long measures;

    PartitionFold(
            Transactions transactions,
            AggregateStore store,
            BufferSlices slices,
            AggregatorProgress progress,
            String topic,
            int partition,
            long cachedBytesBound,
            AggregatorMetrics counters,
            Aggregators aggregators,
            MetricLookup lookup,
            DeadLetterSink deadLetters) {
        this.lookup = lookup;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.store = store;
        this.slices = slices;
        this.progress = progress;
        this.topic = topic;
        this.partition = partition;
        this.cachedBytesBound = cachedBytesBound;
        this.counters = counters;
        this.aggregators = aggregators;
    }

    /**
     * Where the database's position lies before the first record a task folds, when Kafka resumed
     * the partition past it: the offsets from there up to {@code offset} hold records nobody folded,
     * or only transaction markers and aborted records; the caller reads them to tell
     * ({@link GapReader}). Asked once per task start.
     */
    OptionalLong unfoldedBefore(long offset) {
        loadPosition();
        if (gapChecked || nextOffset >= 0) {
            return OptionalLong.empty();
        }
        gapChecked = true;
        return committedOffset != null && offset > committedOffset
                ? OptionalLong.of(committedOffset)
                : OptionalLong.empty();
    }

    /** What the gap before a task's first record held, for the log: nothing is skipped silently. */
    void gapRead(long from, long until, int records) {
        if (records == 0) {
            LOG.debug(
                    "{}-{} resumed at offset {}; offsets {} to {} hold no committed record",
                    topic,
                    partition,
                    until,
                    from,
                    until - 1);
        } else {
            LOG.warn(
                    "{}-{} resumed at offset {} past the aggregates' position {}: folded the {} committed records "
                            + "in between, which Kafka had marked consumed without their aggregates",
                    topic,
                    partition,
                    until,
                    from,
                    records);
        }
    }

    /** False for a record the database already holds the result of (a replay after a crash). */
    boolean shouldFold(long offset) {
        loadPosition();
        return committedOffset == null || offset >= committedOffset;
    }

    private void loadPosition() {
        if (!positionLoaded) {
            Optional<AggregatorProgress.Position> stored =
                    transactions.read(connection -> progress.read(connection, topic, partition));
            committedOffset =
                    stored.map(AggregatorProgress.Position::nextOffset).orElse(null);
            positionLoaded = true;
        }
    }

    /** Gathers a record's measures for its metric, in the order they came. */
    void add(MeasureRecord record, long offset) {
        pending.computeIfAbsent(record.metricId(), id -> new PendingMeasures()).add(offset, record);
        consumed(offset, record.size());
    }

    /**
     * A record that cannot be read: to the dead-letter topic as it came, sent when the batch
     * commits. {@code metricId}: what its key says, when it is a metric id.
     */
    void deadLetter(byte[] key, byte[] value, long offset, UUID metricId, String reason) {
        unsent.add(new DeadLetterSink.Letter(key, value, reason, DeadLetterHeaders.source(topic, partition, offset)));
        deadLettered.add(new DeadLetterLedger.Entry(
                DeadLetterLedger.Kind.MEASURES, topic, partition, offset, metricId, 0, reason));
        counters.deadLettered().mark();
        consumed(offset, 0);
    }

    /** Each record of a metric the database does not hold, re-encoded with its own measures. */
    private void deadLetterMetric(UUID id, String reason) {
        PendingMeasures gathered = pending.remove(id);
        forget(id);
        byte[] key = id.toString().getBytes(StandardCharsets.UTF_8);
        for (int r = 0; r < gathered.records(); r++) {
            List<Measure> measures = gathered.of(r);
            long[] timestamps = new long[measures.size()];
            double[] values = new double[measures.size()];
            for (int i = 0; i < measures.size(); i++) {
                timestamps[i] = measures.get(i).timestamp();
                values[i] = measures.get(i).value();
            }
            long offset = gathered.offset(r);
            unsent.add(new DeadLetterSink.Letter(
                    key,
                    codec.encode(new MeasureRecord(id, timestamps, values)),
                    reason,
                    DeadLetterHeaders.source(topic, partition, offset)));
            deadLettered.add(new DeadLetterLedger.Entry(
                    DeadLetterLedger.Kind.MEASURES, topic, partition, offset, id, measures.size(), reason));
            counters.deadLettered().mark();
            counters.deadLetteredMeasures().mark(measures.size());
        }
    }

    /** Whether records were consumed since the last commit. */
    boolean hasGathered() {
        return nextOffset >= 0;
    }

    /** Counts a record as consumed, folded or not (dead-lettered, or for a deleted metric). */
    void consumed(long offset, int measureCount) {
        nextOffset = offset + 1;
        records++;
        measures += measureCount;
    }

    /**
     * Folds the gathered measures and writes aggregates, buffers and the partition's new
     * position, atomically. Called when Kafka Streams commits the task, before it commits the
     * consumed offsets.
     */
    void commit() {
        if (nextOffset < 0) {
            return;
        }
        metrics.putAll(lookup.findAll(pending.keySet()));
        for (UUID id : List.copyOf(pending.keySet())) {
            if (!metrics.containsKey(id)) {
                deadLetterMetric(
                        id,
                        "metric " + id + " does not exist in this deployment's database (deleted, "
                                + "or the measures were written to another deployment's topics)");
            }
        }
        Long expected = committedOffset;
        long newOffset = nextOffset;
        Map<UUID, CachedBuffer> written = new HashMap<>();
        Write outcome;
        do {
            // Kafka has the dead letters before PostgreSQL says their records are done.
            deadLetters.sendAll(unsent);
            unsent.clear();
            written.clear();
            outcome = write(expected, newOffset, written);
        } while (outcome == Write.METRICS_GONE);
        if (outcome == Write.ADVANCED) {
            written.forEach(this::cache);
            committedOffset = newOffset;
        } else {
            LOG.warn(
                    "{}-{} was folded up to a later offset by another aggregator instance; dropping this "
                            + "instance's batch up to offset {} and reloading",
                    topic,
                    partition,
                    newOffset);
            cached.clear();
            cachedBytes = 0;
            positionLoaded = false;
        }
        pending.clear();
        metrics.clear();
        deadLettered.clear();
        nextOffset = -1;
        records = 0;
        measures = 0;
    }

    private enum Write {
        ADVANCED,
        /** Another instance folded these records first. */
        ZOMBIE,
        /** Metrics were deleted while their measures were in flight: dead-lettered, to be sent before writing again. */
        METRICS_GONE
    }

    /** Aggregates, buffers, dead letters and the partition's new position in one transaction. */
    private Write write(Long expected, long newOffset, Map<UUID, CachedBuffer> written) {
        try {
            return transactions.inTransaction(connection -> {
                if (!progress.advance(connection, topic, partition, expected, newOffset, records, measures)) {
                    connection.rollback();
                    return Write.ZOMBIE;
                }
                // Locked in id order, as the direct mode's writers lock them.
                List<UUID> ids = pending.keySet().stream().sorted().toList();
                Set<UUID> live = store.lockMetrics(connection, ids);
                if (live.size() < ids.size()) {
                    connection.rollback();
                    for (UUID id : ids) {
                        if (!live.contains(id)) {
                            deadLetterMetric(id, "metric " + id + " was deleted while its measures were in flight");
                        }
                    }
                    return Write.METRICS_GONE;
                }
                AggregateChanges changes = new AggregateChanges();
                List<BufferSlices.Write> writes = new ArrayList<>();
                List<UUID> needBuffer = new ArrayList<>();
                for (UUID id : ids) {
                    if (!foldInOrder(id, pending.get(id).measures(), changes, writes, written)) {
                        needBuffer.add(id);
                    }
                }
                Map<UUID, TimeSeries> loaded = slices.load(
                        connection,
                        needBuffer.stream()
                                .filter(id -> !(cached.get(id) instanceof CachedBuffer.Whole))
                                .toList());
                for (UUID id : needBuffer) {
                    TimeSeries buffer = cached.get(id) instanceof CachedBuffer.Whole whole
                            ? whole.buffer()
                            : loaded.getOrDefault(id, TimeSeries.EMPTY);
                    foldWithBuffer(id, buffer, pending.get(id).measures(), changes, writes, written);
                }
                changes.writeTo(connection, store);
                slices.save(connection, writes);
                ledger.record(connection, deadLettered);
                return Write.ADVANCED;
            });
        } catch (RuntimeException e) {
            throw new IllegalStateException("Writing the aggregates of " + topic + "-" + partition + " failed", e);
        }
    }

    /** The usual case: measures newer than the metric's, folded into its open buckets; false when it needs the buffer. */
    private boolean foldInOrder(
            UUID id,
            List<Measure> gathered,
            AggregateChanges changes,
            List<BufferSlices.Write> writes,
            Map<UUID, CachedBuffer> written) {
        if (!(cached.get(id) instanceof CachedBuffer.Open open)) {
            return false;
        }
        MetricAggregator aggregator = aggregators.forPolicy(metrics.get(id).archivePolicy());
        Optional<InOrderUpdate> folded = aggregator.applyInOrder(open.buckets(), gathered);
        if (folded.isEmpty()) {
            return false;
        }
        InOrderUpdate update = folded.get();
        counters.folded().mark(update.accepted());
        counters.dropped().mark(update.dropped());
        long previousNewest = open.buckets().newest();
        long newest = update.open().newest();
        TimeSeries recent = TimeSeries.merge(open.recent(), update.appended());
        long keepFrom = aggregator.windowStart(newest);
        writes.add(new BufferSlices.Write(
                id,
                recent.from(BufferSlices.from(update.appended().first())),
                keepFrom,
                aggregator.windowStart(previousNewest) < keepFrom));
        changes.add(id, previousNewest, update.recomputed());
        written.put(id, new CachedBuffer.Open(update.open(), recent.from(BufferSlices.from(newest))));
        return true;
    }

    /** Late or overwriting measures, a metric not in memory, or a policy that needs raw values: from the buffer. */
    private void foldWithBuffer(
            UUID id,
            TimeSeries buffer,
            List<Measure> gathered,
            AggregateChanges changes,
            List<BufferSlices.Write> writes,
            Map<UUID, CachedBuffer> written) {
        MetricAggregator aggregator = aggregators.forPolicy(metrics.get(id).archivePolicy());
        MetricUpdate update = aggregator.apply(buffer, gathered);
        counters.folded().mark(update.accepted());
        counters.dropped().mark(update.dropped());
        if (!update.changed()) {
            return;
        }
        TimeSeries updated = update.buffer();
        writes.add(BufferSlices.Write.of(id, buffer, update, aggregator.windowStart(updated.last())));
        changes.add(id, buffer, update);
        Optional<OpenBuckets> open = aggregator.foldsInOrder() ? aggregator.openBuckets(updated) : Optional.empty();
        written.put(
                id,
                open.<CachedBuffer>map(buckets ->
                                new CachedBuffer.Open(buckets, updated.from(BufferSlices.from(updated.last()))))
                        .orElseGet(() -> new CachedBuffer.Whole(updated)));
    }

    private void forget(UUID metricId) {
        CachedBuffer previous = cached.remove(metricId);
        cachedBytes -= previous == null ? 0 : previous.bytes();
    }

    private void cache(UUID metricId, CachedBuffer buffer) {
        CachedBuffer previous = cached.put(metricId, buffer);
        cachedBytes += buffer.bytes() - (previous == null ? 0 : previous.bytes());
        var eldest = cached.entrySet().iterator();
        while (cachedBytes > cachedBytesBound && eldest.hasNext()) {
            cachedBytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
    }
}
