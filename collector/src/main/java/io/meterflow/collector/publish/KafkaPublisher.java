package io.meterflow.collector.publish;

import io.meterflow.collector.ingest.Outcome;
import io.meterflow.wire.ProjectEvent;
import io.meterflow.wire.ProjectEventCodec;
import io.meterflow.wire.ResourceEvent;
import io.meterflow.wire.ResourceEventCodec;
import io.meterflow.wire.Sample;
import io.meterflow.wire.SampleCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Samples to {@code meterflow.samples} and resource events to {@code meterflow.resource-events},
 * keyed by resource id so one resource's records stay in order; Keystone's project events to
 * {@code meterflow.project-events}, keyed by project id. acks=all and idempotence: a future
 * completes only once every in-sync replica has the record.
 */
public final class KafkaPublisher implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final SampleCodec samples;
    private final ResourceEventCodec events;
    private final String samplesTopic;
    private final String resourceEventsTopic;
    private final ProjectEventCodec projectEvents;
    private final String projectEventsTopic;

    public KafkaPublisher(
            Producer<byte[], byte[]> producer,
            SampleCodec samples,
            ResourceEventCodec events,
            String samplesTopic,
            String resourceEventsTopic,
            ProjectEventCodec projectEvents,
            String projectEventsTopic) {
        this.producer = producer;
        this.samples = samples;
        this.events = events;
        this.samplesTopic = samplesTopic;
        this.resourceEventsTopic = resourceEventsTopic;
        this.projectEvents = projectEvents;
        this.projectEventsTopic = projectEventsTopic;
    }

    public static Producer<byte[], byte[]> producer(String bootstrapServers, int deliveryTimeoutMs, String clientId) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                clientId,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                128 * 1024,
                // A send waits this long for a broker, then fails and the batch is retried from the top.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                deliveryTimeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                Math.min(deliveryTimeoutMs - 10, 15000),
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                deliveryTimeoutMs);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Completes when Kafka has acknowledged every record of the outcome, exceptionally if any failed. */
    public CompletableFuture<Void> publish(Outcome.Metered metered) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(metered.samples().size() + 1);
        try {
            List<byte[]> values = samples.encode(metered.samples());
            for (int i = 0; i < values.size(); i++) {
                acks.add(send(samplesTopic, metered.samples().get(i).resourceId(), values.get(i)));
            }
            for (ResourceEvent event : metered.resourceEvents()) {
                acks.add(send(resourceEventsTopic, event.resourceId(), events.encode(event)));
            }
            for (ProjectEvent event : metered.projectEvents()) {
                acks.add(send(projectEventsTopic, event.projectId(), projectEvents.encode(event)));
            }
        } catch (RuntimeException e) {
            // send() itself throws when no broker answers within max.block.ms.
            acks.add(CompletableFuture.failedFuture(e));
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    /** Polled samples (no notification behind them): completes when Kafka has acknowledged them all. */
    public CompletableFuture<Void> publishSamples(List<Sample> polled) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(polled.size());
        try {
            List<byte[]> values = samples.encode(polled);
            for (int i = 0; i < values.size(); i++) {
                acks.add(send(samplesTopic, polled.get(i).resourceId(), values.get(i)));
            }
        } catch (RuntimeException e) {
            acks.add(CompletableFuture.failedFuture(e));
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> send(String topic, String key, byte[] value) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, keyBytes, value), (metadata, error) -> {
            if (error == null) {
                ack.complete(null);
            } else {
                ack.completeExceptionally(error);
            }
        });
        return ack;
    }

    @Override
    public void close() {
        producer.close();
    }
}
