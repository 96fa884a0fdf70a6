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
 * Reads the committed records of a partition between two offsets, on a consumer of its own: what
 * a task resuming past the aggregates' position must still fold. Kafka Streams may resume a
 * partition after offsets whose aggregates never reached PostgreSQL (a soak with a broker restart
 * and an aggregator killed lost one record that way); the database's position is the truth, so
 * the records in between are read here rather than trusted to be transaction markers. A
 * read-committed consumer skips markers and aborted records, so what comes back is exactly what
 * was accepted.
 */
final class GapReader {

    /** Kafka's answers come fast; a gap it cannot deliver in this long fails the task, which is retried. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final String bootstrapServers;

    GapReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The committed records of {@code topic}-{@code partition} at offsets from {@code from} (inclusive) to {@code until} (exclusive). */
    List<ConsumerRecord<byte[], byte[]>> committedRecords(String topic, int partition, long from, long until) {
        TopicPartition source = new TopicPartition(topic, partition);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(source));
            consumer.seek(source, from);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (consumer.position(source, DEADLINE) < until) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not deliver " + source + " offsets " + from + " to "
                            + (until - 1) + " within " + DEADLINE);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < until) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    private Map<String, Object> config() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // A record before the log's start is gone from Kafka: there is nothing left to fold.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG, "meterflow-aggregator-gap-reader");
    }
}
