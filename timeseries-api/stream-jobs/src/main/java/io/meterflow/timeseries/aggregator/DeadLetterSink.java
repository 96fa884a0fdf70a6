package io.meterflow.timeseries.aggregator;

import io.meterflow.wire.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends the aggregator's dead letters and waits until Kafka has them, before the transaction that
 * moves {@code aggregator_progress} past their records: a crash in between replays the records
 * and sends them again (the {@link DeadLetterHeaders#SOURCE} header tells the copies apart), and
 * never loses one. Kafka Streams' own sink cannot do this: whether a measure can be applied is
 * known only when the fold commits (the metrics are looked up in one query per commit), and a
 * store flush cannot forward records.
 */
final class DeadLetterSink implements AutoCloseable {

    /** A record that goes to the dead-letter topic, with why and where it was read. */
    record Letter(byte[] key, byte[] value, String reason, String source) {}

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Duration timeout;

    DeadLetterSink(Producer<byte[], byte[]> producer, String topic, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
    }

    /** Returns once every letter is acknowledged by the brokers; throws (nothing is committed then) otherwise. */
    void sendAll(List<Letter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(letters.size());
        for (Letter letter : letters) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, letter.key(), letter.value());
            record.headers().add(DeadLetterHeaders.REASON, letter.reason().getBytes(StandardCharsets.UTF_8));
            record.headers().add(DeadLetterHeaders.SOURCE, letter.source().getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        producer.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take " + letters.size() + " dead letters for " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
