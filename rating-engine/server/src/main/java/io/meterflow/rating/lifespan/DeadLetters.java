package io.meterflow.rating.lifespan;

import io.meterflow.wire.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The project events that cannot be read, sent unchanged to the dead-letter topic with why and
 * where they were read. {@link #awaitSent} returns once Kafka has every letter of the batch, so the
 * consumer commits the offsets past them only then: a crash in between sends a letter twice (the
 * source header tells the copies apart), never loses one.
 */
final class DeadLetters implements AutoCloseable {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();

    DeadLetters(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "meterflow-rating-lifespans-dead-letters"),
                new StringSerializer(),
                new ByteArraySerializer());
        this.topic = topic;
    }

    void send(ConsumerRecord<String, byte[]> unreadable, String reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, unreadable.key(), unreadable.value());
        letter.headers().add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers()
                .add(
                        DeadLetterHeaders.SOURCE,
                        DeadLetterHeaders.source(unreadable.topic(), unreadable.partition(), unreadable.offset())
                                .getBytes(StandardCharsets.UTF_8));
        pending.add(producer.send(letter));
    }

    /** Throws, so that nothing is committed, unless Kafka took every letter sent since the last call. */
    void awaitSent() {
        if (pending.isEmpty()) {
            return;
        }
        producer.flush();
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        try {
            for (Future<RecordMetadata> ack : pending) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering project events to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the unreadable project events for " + topic, e);
        } finally {
            pending.clear();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
