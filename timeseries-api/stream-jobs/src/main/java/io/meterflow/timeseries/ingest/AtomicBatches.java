package io.meterflow.timeseries.ingest;

import io.meterflow.timeseries.failure.UnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the records of each request inside a Kafka transaction, so that a request is in the
 * measures topic whole or not at all: an API process killed in the middle of a batch leaves an
 * open transaction that the broker aborts ({@code transaction.timeout.ms}), never half a batch for
 * the aggregator, which reads committed records only.
 *
 * <p>Group commit: each of a few committer threads, a transactional producer each, takes the
 * requests waiting when it is free and commits them together in one transaction; a request's
 * records are all in one group, so it stays whole or nothing. Under many concurrent clients
 * this makes fewer, larger transactions; a single committer made requests wait a whole commit
 * behind the one in progress. Measured on the ingest benchmark (four clients, 2026-12-06, one run
 * each, measures/s accepted and end to end, timeseries-api/bench/RESULTS.md): without
 * transactions bulk 335k/172k and Ceilometer's shape 27.0k/22.7k; a transaction per request on
 * four producers 254k/156k and 27.2k/23.3k; one committer 266k/172k and 20.1k/18.8k; four
 * committers 257k/140k and 25.0k/22.2k. Each transaction costs the round trips of adding its
 * partitions and of the commit, which the bulk shape's large requests (four in flight) pay
 * about a fifth of their accepted rate for. A failed group fails each of its requests with a
 * 503; their clients' retries fold to the same values.
 */
final class AtomicBatches implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicBatches.class);

    /** Records of one group: bounded, so a flood of requests still commits in steps of reasonable size. */
    private static final int MAX_GROUP_RECORDS = 100_000;

    private record Pending(List<ProducerRecord<byte[], byte[]>> records, CompletableFuture<Void> committed) {}

    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Function<String, Producer<byte[], byte[]>> producers;
    private final Duration timeout;
    private final List<Committer> committers = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param producers a transactional producer for a transactional id (not yet initialised)
     * @param transactionalIdPrefix unique to this process: two live processes must not share it
     * @param committers transactions in flight at once
     */
    AtomicBatches(
            String transactionalIdPrefix,
            int committers,
            Function<String, Producer<byte[], byte[]>> producers,
            Duration timeout) {
        this.producers = producers;
        this.timeout = timeout;
        for (int i = 0; i < committers; i++) {
            Committer committer = new Committer(transactionalIdPrefix + "-" + i);
            this.committers.add(committer);
            committer.thread.start();
        }
    }

    /** Returns once the records are committed; throws {@link UnavailableException} when they are not. */
    void append(List<ProducerRecord<byte[], byte[]>> records) {
        Pending pending = new Pending(records, new CompletableFuture<>());
        waiting.add(pending);
        try {
            pending.committed().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while Kafka committed the measures");
        } catch (TimeoutException e) {
            throw new UnavailableException("Kafka did not commit the measures within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new UnavailableException(
                    "Kafka did not take the measures: " + e.getCause().getMessage());
        }
    }

    /** One transaction at a time, on a producer of its own that keeps its transactional id across replacements. */
    private final class Committer {
        private final String transactionalId;
        private final Thread thread;
        private Producer<byte[], byte[]> producer;

        private Committer(String transactionalId) {
            this.transactionalId = transactionalId;
            this.thread = new Thread(this::commitGroups, "measures-group-commit-" + transactionalId);
            thread.setDaemon(true);
        }

        private void commitGroups() {
            List<Pending> group = new ArrayList<>();
            while (running) {
                try {
                    Pending first = waiting.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    group.add(first);
                    int records = first.records().size();
                    Pending next;
                    while (records < MAX_GROUP_RECORDS && (next = waiting.poll()) != null) {
                        group.add(next);
                        records += next.records().size();
                    }
                    commit(group);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                } catch (RuntimeException e) {
                    group.forEach(pending -> pending.committed().completeExceptionally(e));
                } finally {
                    group.clear();
                }
            }
        }

        private void commit(List<Pending> group) {
            Producer<byte[], byte[]> ready = ready();
            try {
                ready.beginTransaction();
                for (Pending pending : group) {
                    for (ProducerRecord<byte[], byte[]> record : pending.records()) {
                        ready.send(record);
                    }
                }
                ready.commitTransaction();
                group.forEach(pending -> pending.committed().complete(null));
            } catch (RuntimeException failure) {
                // Not only KafkaException: after a commit that timed out (a broker restart), the
                // producer refuses every call but a retried commit with an IllegalStateException.
                // Found by fault-soak.sh: the API refused every batch after the broker was back.
                replace(failure);
                throw failure;
            }
        }

        private Producer<byte[], byte[]> ready() {
            if (producer == null) {
                Producer<byte[], byte[]> created = producers.apply(transactionalId);
                try {
                    created.initTransactions(); // aborts what an earlier producer with this id left open
                } catch (RuntimeException failure) {
                    created.close(Duration.ZERO);
                    throw failure;
                }
                producer = created;
            }
            return producer;
        }

        /** A producer whose transaction failed is closed; the next with its id aborts what it left open. */
        private void replace(RuntimeException failure) {
            LOG.warn("Transaction of {} failed, replacing its producer: {}", transactionalId, failure.toString());
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private void failWaiting(RuntimeException reason) {
        Pending pending;
        while ((pending = waiting.poll()) != null) {
            pending.committed().completeExceptionally(reason);
        }
    }

    @Override
    public void close() {
        running = false;
        for (Committer committer : committers) {
            try {
                committer.thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (committer.producer != null) {
                committer.producer.close(Duration.ofSeconds(5));
            }
        }
        failWaiting(new IllegalStateException("the API is stopping"));
    }
}
