package io.meterflow.timeseries.aggregator;

import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.deadletter.DeadLetterLedger;
import io.meterflow.timeseries.failure.UnavailableException;
import io.meterflow.timeseries.measure.Backlog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * The backlog of the Kafka mode: records between what the aggregator has written to PostgreSQL
 * ({@code aggregator_progress}) and the end of each partition of the measures topic.
 *
 * <p>Kafka counts records, Gnocchi's status counts measures and metrics. Measures are estimated
 * as waiting records times the measures per record folded so far, and metrics as the waiting
 * records (each record is one metric's measures, so this is an upper bound). Both are exactly
 * zero when nothing waits, which is what monitoring and benchmarks poll for.
 *
 * <p>Transactional producers (the sample ingest) leave commit markers in the measures topic:
 * offsets that hold no record, so {@code aggregator_progress} never reaches an end offset that
 * is a marker's successor. The aggregator's consumer group commits its consumer position, past
 * the markers, and only after the batch is in PostgreSQL; where it is further than
 * {@code aggregator_progress}, it is the position that counts.
 */
public final class KafkaBacklog implements Backlog {

    private static final Duration POLL = Duration.ofMillis(20);
    /** How long the folded position may stand still short of the end before what is left is examined. */
    private static final Duration STALLED = Duration.ofMillis(500);

    private static final Duration TAIL_READ_PATIENCE = Duration.ofSeconds(5);

    private final Admin admin;
    private final Transactions transactions;
    private final AggregatorProgress progress;
    private final String topic;
    private final String aggregatorGroupId;
    private final Duration refreshTimeout;
    /** Reads what is left past a stalled aggregator's position: committed records, or only markers. */
    private final GapReader committed;
    /** Per partition, the last stretch past the folded position found to hold no committed record. */
    private final Map<Integer, Tail> examinedTails = new ConcurrentHashMap<>();

    private record Tail(long folded, long end) {}

    private static final Tail NOTHING_EXAMINED = new Tail(-1, -1);
    private final DeadLetterLedger ledger = new DeadLetterLedger();

    public KafkaBacklog(
            Admin admin,
            Transactions transactions,
            AggregatorProgress progress,
            String topic,
            String aggregatorGroupId,
            Duration refreshTimeout,
            String bootstrapServers) {
        this.committed = new GapReader(bootstrapServers);
        this.admin = admin;
        this.transactions = transactions;
        this.progress = progress;
        this.topic = topic;
        this.aggregatorGroupId = aggregatorGroupId;
        this.refreshTimeout = refreshTimeout;
    }

    @Override
    public Summary summary() {
        List<TopicPartition> partitions = partitions();
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<Integer, AggregatorProgress.Position> folded = transactions.read(c -> progress.readAll(c, topic));
        Map<Integer, Long> committed = groupPositions();
        long waiting = 0;
        long records = 0;
        long measures = 0;
        for (TopicPartition partition : partitions) {
            AggregatorProgress.Position position = folded.get(partition.partition());
            long from =
                    position == null ? starts.get(partition) : Math.max(position.nextOffset(), starts.get(partition));
            from = Math.max(from, committed.getOrDefault(partition.partition(), -1L));
            waiting += Math.max(0, ends.get(partition) - from);
            if (position != null) {
                records += position.records();
                measures += position.measures();
            }
        }
        double perRecord = records == 0 ? 1 : (double) measures / records;
        return new Summary(Math.round(waiting * perRecord), waiting);
    }

    @Override
    public Refresh awaitMetric(UUID metricId) {
        List<TopicPartition> partitions = partitions();
        byte[] key = metricId.toString().getBytes(StandardCharsets.UTF_8);
        // The producer's default partitioner for keyed records.
        TopicPartition partition = new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % partitions.size());
        long end = offsets(List.of(partition), OffsetSpec.latest()).get(partition);
        long start = offsets(List.of(partition), OffsetSpec.earliest()).get(partition);
        Optional<AggregatorProgress.Position> before =
                transactions.read(c -> progress.read(c, topic, partition.partition()));
        long from = before.map(AggregatorProgress.Position::nextOffset).orElse(start);
        if (before.isEmpty() && end == start) {
            return Refresh.FOLDED; // an empty partition: nothing was ever sent there
        }
        long deadline = System.nanoTime() + refreshTimeout.toNanos();
        long lastMove = System.nanoTime();
        long lastPosition = from;
        while (System.nanoTime() < deadline) {
            Optional<AggregatorProgress.Position> position =
                    transactions.read(c -> progress.read(c, topic, partition.partition()));
            long folded = position.map(AggregatorProgress.Position::nextOffset).orElse(start);
            if (folded >= end) {
                return outcome(metricId, partition.partition(), from, end);
            }
            if (groupPositions().getOrDefault(partition.partition(), -1L) >= end) {
                return outcome(metricId, partition.partition(), from, end); // only transaction markers were left
            }
            if (folded != lastPosition) {
                lastPosition = folded;
                lastMove = System.nanoTime();
            } else if (examinedTails
                    .getOrDefault(partition.partition(), NOTHING_EXAMINED)
                    .equals(new Tail(folded, end))) {
                return outcome(metricId, partition.partition(), from, end); // examined before: nothing committed
            } else if (System.nanoTime() - lastMove > STALLED.toNanos()
                    && !committed.holdsCommittedRecords(partition, folded, end, TAIL_READ_PATIENCE)) {
                // What is left was aborted (an API process killed mid-batch) or is markers: the
                // aggregator skips it without a commit, so neither position ever reaches the end.
                examinedTails.put(partition.partition(), new Tail(folded, end));
                return outcome(metricId, partition.partition(), from, end);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Refresh.TIMED_OUT;
            }
        }
        return Refresh.TIMED_OUT;
    }

    /** Folded, unless the ledger holds dead letters of the metric among the records waited for. */
    private Refresh outcome(UUID metricId, int partition, long from, long to) {
        return transactions
                .read(c -> ledger.forMetric(c, metricId, topic, partition, from, to))
                .map(dead -> Refresh.deadLettered(dead.records(), dead.measures(), dead.lastReason()))
                .orElse(Refresh.FOLDED);
    }

    /** The aggregator group's committed positions in the measures topic, by partition. */
    private Map<Integer, Long> groupPositions() {
        Map<Integer, Long> positions = new HashMap<>();
        await(admin.listConsumerGroupOffsets(aggregatorGroupId).partitionsToOffsetAndMetadata())
                .forEach((partition, offset) -> {
                    if (offset != null && partition.topic().equals(topic)) {
                        positions.put(partition.partition(), offset.offset());
                    }
                });
        return positions;
    }

    private List<TopicPartition> partitions() {
        TopicDescription description =
                await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        return description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer =
                await(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka for offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            // Kafka away (a broker restart, say): the backlog is unknown for now, which a client
            // should retry, not take as the server's fault.
            throw new UnavailableException("Kafka did not answer for the measures' offsets: " + e);
        }
    }
}
