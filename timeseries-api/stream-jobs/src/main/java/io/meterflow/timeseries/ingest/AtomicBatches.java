package io.meterflow.timeseries.ingest;

import io.meterflow.timeseries.failure.UnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the records of one request as one Kafka transaction, so that a request is in the
 * measures topic whole or not at all: an API process killed in the middle of a batch leaves an
 * open transaction that the broker aborts ({@code transaction.timeout.ms}), never half a batch for
 * the aggregator, which reads committed records only.
 *
 * <p>A transactional producer runs one transaction at a time, so a small pool of them serves the
 * concurrent requests. A producer whose transaction failed in a way it cannot abort cleanly is
 * closed and replaced by one with the same transactional id, whose initialisation aborts what the
 * old one left open.
 */
final class AtomicBatches implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicBatches.class);

    /** One pooled producer and the transactional id it keeps across replacements. */
    private static final class Slot {
        private final String transactionalId;
        private Producer<byte[], byte[]> producer;

        private Slot(String transactionalId) {
            this.transactionalId = transactionalId;
        }
    }

    private final BlockingQueue<Slot> idle;
    private final Function<String, Producer<byte[], byte[]>> producers;
    private final Duration timeout;

    /**
     * @param producers a transactional producer for a transactional id (not yet initialised)
     * @param transactionalIdPrefix unique to this process: ids of two live processes must differ
     */
    AtomicBatches(
            int size,
            String transactionalIdPrefix,
            Function<String, Producer<byte[], byte[]>> producers,
            Duration timeout) {
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(new Slot(transactionalIdPrefix + "-" + i));
        }
        this.producers = producers;
        this.timeout = timeout;
    }

    /** Returns once the records are committed; throws {@link UnavailableException} when they are not. */
    void append(List<ProducerRecord<byte[], byte[]>> records) {
        Slot slot = take();
        try {
            Producer<byte[], byte[]> producer = ready(slot);
            try {
                producer.beginTransaction();
                for (ProducerRecord<byte[], byte[]> record : records) {
                    producer.send(record);
                }
                producer.commitTransaction();
            } catch (KafkaException failure) {
                abortOrReplace(slot, failure);
                throw new UnavailableException("Kafka did not take the measures: " + failure.getMessage());
            }
        } finally {
            idle.add(slot);
        }
    }

    private Slot take() {
        try {
            Slot slot = idle.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (slot == null) {
                throw new UnavailableException("Kafka is too slow to take the measures: every producer is busy");
            }
            return slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for a Kafka producer");
        }
    }

    private Producer<byte[], byte[]> ready(Slot slot) {
        if (slot.producer == null) {
            Producer<byte[], byte[]> producer = producers.apply(slot.transactionalId);
            try {
                producer.initTransactions(); // aborts what an earlier producer with this id left open
            } catch (KafkaException failure) {
                producer.close(Duration.ZERO);
                throw new UnavailableException("Kafka did not answer: " + failure.getMessage());
            }
            slot.producer = producer;
        }
        return slot.producer;
    }

    private void abortOrReplace(Slot slot, KafkaException failure) {
        LOG.warn("Transaction of {} failed: {}", slot.transactionalId, failure.toString());
        try {
            slot.producer.abortTransaction();
        } catch (KafkaException abortFailed) {
            // Fenced, timed out or broken: the next producer with this id aborts the transaction.
            slot.producer.close(Duration.ZERO);
            slot.producer = null;
        }
    }

    @Override
    public void close() {
        for (Slot slot : idle) {
            if (slot.producer != null) {
                slot.producer.close(Duration.ofSeconds(5));
            }
        }
    }
}
