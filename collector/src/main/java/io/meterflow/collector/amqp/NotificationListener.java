package io.meterflow.collector.amqp;

import com.rabbitmq.client.Channel;
import io.meterflow.collector.ingest.CollectorMetrics;
import io.meterflow.collector.ingest.NotificationProcessor;
import io.meterflow.collector.ingest.Outcome;
import io.meterflow.collector.notification.CeilometerTime;
import io.meterflow.collector.publish.KafkaPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;

/**
 * One batch of deliveries: process each, dead-letter the unusable ones (confirmed), publish the
 * rest to Kafka and wait for every acknowledgement, retrying with backoff while Kafka is away, and
 * only then acknowledge the whole batch to RabbitMQ. If the collector stops or the connection
 * drops first, nothing is acknowledged and the broker delivers the batch again; message ids already
 * published are then recognised and not published twice.
 */
public final class NotificationListener implements ChannelAwareBatchMessageListener {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);
    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final NotificationProcessor processor;
    private final KafkaPublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final CollectorMetrics metrics;
    private final Clock clock;
    private volatile boolean running = true;

    public NotificationListener(
            NotificationProcessor processor,
            KafkaPublisher publisher,
            DeadLetterPublisher deadLetters,
            CollectorMetrics metrics,
            Clock clock) {
        this.processor = processor;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Stop retrying Kafka: unpublished batches stay unacknowledged and go back to the queue. */
    public void stop() {
        running = false;
    }

    @Override
    public void onMessageBatch(List<Message> messages, Channel channel) {
        if (messages.isEmpty()) {
            return;
        }
        metrics.received(messages.size());
        List<Outcome.Metered> metered = new ArrayList<>();
        List<DeadLetterPublisher.DeadLetter> dead = new ArrayList<>();
        List<String> done = new ArrayList<>();
        int skipped = 0;
        for (Message message : messages) {
            Outcome outcome = process(message);
            if (outcome instanceof Outcome.Metered m) {
                metered.add(m);
            } else if (outcome instanceof Outcome.Skipped s) {
                skipped++;
                done.add(s.messageId());
            } else if (outcome instanceof Outcome.DeadLetter d) {
                dead.add(new DeadLetterPublisher.DeadLetter(message, d.reason()));
                LOG.warn("Dead-lettering message {}: {}", d.messageId(), d.reason());
            }
        }
        recordLag(metered);
        deadLetters.publish(dead);
        publishUntilAcknowledged(metered);
        metered.forEach(m -> processor.done(m.messageId()));
        done.forEach(processor::done);
        acknowledge(
                channel,
                messages.get(messages.size() - 1).getMessageProperties().getDeliveryTag());
        metrics.acknowledged(messages.size());
        metrics.dropped(skipped);
        metrics.deadLettered(dead.size());
        int samples = metered.stream().mapToInt(m -> m.samples().size()).sum();
        int events = metered.stream().mapToInt(m -> m.resourceEvents().size()).sum();
        metrics.published(samples, events);
        metrics.samplesDropped(
                metered.stream().mapToInt(m -> m.droppedSamples().size()).sum());
    }

    /** Once a batch, from its newest notification: parsing every notification's time showed in profiles. */
    private void recordLag(List<Outcome.Metered> metered) {
        if (!metered.isEmpty()) {
            long now = clock.millis();
            CeilometerTime.parse(metered.get(metered.size() - 1).sentAt())
                    .ifPresent(sent -> metrics.lagMillis(now - sent.toInstant().toEpochMilli()));
        }
    }

    private Outcome process(Message message) {
        try {
            return processor.process(message.getBody());
        } catch (RuntimeException e) {
            LOG.error(
                    "Processing failed for message {}",
                    message.getMessageProperties().getMessageId(),
                    e);
            return new Outcome.DeadLetter(null, "processing failed: " + e);
        }
    }

    private void publishUntilAcknowledged(List<Outcome.Metered> metered) {
        List<Outcome.Metered> pending = metered;
        long backoff = FIRST_BACKOFF_MS;
        while (!pending.isEmpty()) {
            List<CompletableFuture<Void>> acks =
                    pending.stream().map(publisher::publish).toList();
            List<Outcome.Metered> failed = new ArrayList<>();
            Throwable lastError = null;
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get();
                } catch (ExecutionException e) {
                    failed.add(pending.get(i));
                    lastError = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka; the batch is redelivered", e);
                }
            }
            if (failed.isEmpty()) {
                return;
            }
            metrics.publishRetried(failed.size());
            if (!running) {
                throw new IllegalStateException(
                        "stopping with " + failed.size() + " notifications not in Kafka; " + "RabbitMQ redelivers them",
                        lastError);
            }
            LOG.warn(
                    "Kafka did not take {} notifications' records ({}); retrying in {} ms",
                    failed.size(),
                    lastError == null ? "?" : lastError.toString(),
                    backoff);
            sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            pending = failed;
        }
    }

    private static void acknowledge(Channel channel, long lastDeliveryTag) {
        try {
            channel.basicAck(lastDeliveryTag, true);
        } catch (IOException e) {
            // The channel died after Kafka had everything: the redelivery is recognised by message id.
            throw new UncheckedIOException("acknowledging up to delivery " + lastDeliveryTag + " failed", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry Kafka; the batch is redelivered", e);
        }
    }
}
