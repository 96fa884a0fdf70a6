package io.meterflow.timeseries.aggregator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the committed records of a partition between two offsets, on a consumer of its own. A
 * read-committed consumer skips transaction markers and aborted records, so what it returns is
 * exactly what was accepted. Two users need that:
 *
 * <ul>
 *   <li>a task resuming past the aggregates' position must fold what lies in between. Kafka
 *       Streams may resume a partition after offsets whose aggregates never reached PostgreSQL (a
 *       soak with a broker restart lost one record that way), so the records in between are read
 *       here rather than trusted to be markers;
 *   <li>a refresh waiting on an aggregator that seems stalled short of the end asks whether
 *       anything committed is left there at all, or only aborted records and markers.
 * </ul>
 */
final class GapReader {

    private static final Duration POLL = Duration.ofMillis(100);

    /** Kafka's answers come fast; a gap it cannot deliver in this long fails the task, which is retried. */
    private static final Duration FOLD_DEADLINE = Duration.ofSeconds(60);

    private final String bootstrapServers;

    GapReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The committed records of {@code topic}-{@code partition} at offsets from {@code from} (inclusive) to {@code until} (exclusive). */
    List<ConsumerRecord<byte[], byte[]>> committedRecords(String topic, int partition, long from, long until) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        if (!scan(new TopicPartition(topic, partition), from, until, FOLD_DEADLINE, false, records)) {
            throw new IllegalStateException("Kafka did not deliver " + topic + "-" + partition + " offsets " + from
                    + " to " + (until - 1) + " within " + FOLD_DEADLINE);
        }
        return records;
    }

    /**
     * Whether a committed record lies in {@code [from, until)}; stops at the first. Not read to the
     * end within {@code patience}: assumed so, since something may wait there.
     */
    boolean holdsCommittedRecords(TopicPartition partition, long from, long until, Duration patience) {
        List<ConsumerRecord<byte[], byte[]>> first = new ArrayList<>();
        boolean complete = scan(partition, from, until, patience, true, first);
        return !first.isEmpty() || !complete;
    }

    /** Reads {@code [from, until)} into {@code found}; false when the deadline came first. */
    private boolean scan(
            TopicPartition source,
            long from,
            long until,
            Duration patience,
            boolean firstOnly,
            List<ConsumerRecord<byte[], byte[]>> found) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(source));
            consumer.seek(source, from);
            long deadline = System.nanoTime() + patience.toNanos();
            while (consumer.position(source, patience) < until) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < until) {
                        found.add(record);
                        if (firstOnly) {
                            return true;
                        }
                    }
                }
            }
            return true;
        }
    }

    private Map<String, Object> config() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                // A record before the log's start is gone from Kafka: there is nothing left to read.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
    }
}
