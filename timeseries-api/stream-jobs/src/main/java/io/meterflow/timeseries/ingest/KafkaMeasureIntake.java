package io.meterflow.timeseries.ingest;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import io.meterflow.timeseries.aggregation.Measure;
import io.meterflow.timeseries.failure.UnavailableException;
import io.meterflow.timeseries.measure.MeasureIntake;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.wire.MeasureRecord;
import io.meterflow.wire.MeasureRecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts measures by appending them to the measures topic, one record per metric keyed by the
 * metric id, so that every measure of a metric lands on one partition and is folded in order by
 * one aggregator task. A request of several metrics is one Kafka transaction ({@link AtomicBatches}):
 * it lands whole or not at all, whatever happens to this process in the middle. Answers once every record is acknowledged by all in-sync replicas
 * (acks=all, idempotent producer): the API stays as fast as Kafka appends, whatever the
 * aggregation load, and a 202 means the measures are durable.
 */
public final class KafkaMeasureIntake implements MeasureIntake, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaMeasureIntake.class);

    /** Transactions of several-metric requests in flight at once (AtomicBatches' measurements). */
    private static final int COMMITTERS = 4;

    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicBatches batches;
    private final String topic;
    private final MeasureRecordCodec format;
    private final Duration timeout;
    private final Meter accepted;

    public KafkaMeasureIntake(
            KafkaProducer<byte[], byte[]> producer,
            Function<String, Producer<byte[], byte[]>> transactionalProducers,
            String transactionalIdPrefix,
            String topic,
            MeasureRecordCodec format,
            Duration timeout,
            MetricRegistry metrics) {
        this.producer = producer;
        this.batches = new AtomicBatches(transactionalIdPrefix, COMMITTERS, transactionalProducers, timeout);
        this.topic = topic;
        this.format = format;
        this.timeout = timeout;
        this.accepted = metrics.meter("meterflow.measures.accepted");
    }

    @Override
    public void accept(Map<Metric, List<Measure>> batch) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(batch.size());
        int count = 0;
        for (Map.Entry<Metric, List<Measure>> entry : batch.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            byte[] key = entry.getKey().id().toString().getBytes(StandardCharsets.UTF_8);
            byte[] value = format.encode(record(entry.getKey().id(), entry.getValue()));
            records.add(new ProducerRecord<>(topic, key, value));
            count += entry.getValue().size();
        }
        if (records.size() > 1) {
            // Several metrics: one transaction, so the batch lands whole or not at all.
            batches.append(records);
        } else if (records.size() == 1) {
            appendOne(records.get(0));
        }
        accepted.mark(count);
    }

    /** One record is atomic by itself: the idempotent producer, without a transaction's round trips. */
    private void appendOne(ProducerRecord<byte[], byte[]> record) {
        List<Future<RecordMetadata>> sends = List.of(producer.send(record));
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted while Kafka acknowledged the measures");
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Measures not acknowledged by Kafka topic {}: {}", topic, e.toString());
                throw unavailable("Kafka did not acknowledge the measures: " + e.getMessage());
            }
        }
    }

    private static MeasureRecord record(UUID metricId, List<Measure> measures) {
        long[] timestamps = new long[measures.size()];
        double[] values = new double[measures.size()];
        for (int i = 0; i < timestamps.length; i++) {
            Measure measure = measures.get(i);
            timestamps[i] = measure.timestamp();
            values[i] = measure.value();
        }
        return new MeasureRecord(metricId, timestamps, values);
    }

    /**
     * The client may retry: a metric keeps one value per timestamp, so measures of a record that
     * was stored after all are folded again to the same aggregates, not counted twice.
     */
    private static UnavailableException unavailable(String reason) {
        return new UnavailableException(reason);
    }

    @Override
    public void stop() {
        batches.close();
        producer.close(Duration.ofSeconds(10));
    }
}
