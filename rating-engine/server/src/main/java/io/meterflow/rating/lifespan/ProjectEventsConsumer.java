package io.meterflow.rating.lifespan;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import io.meterflow.keystone.KeystoneUnavailableException;
import io.meterflow.rating.collect.KeystoneProjectDirectory;
import io.meterflow.wire.MalformedRecordException;
import io.meterflow.wire.ProjectEvent;
import io.meterflow.wire.ProjectEventCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the collector's project events from Kafka into the project lifespans. Offsets are
 * committed only after the batch's writes, so a crash redelivers what was not stored, which the
 * lifespans recognise by message id. An unreadable record goes unchanged to the dead-letter topic
 * with the reason, and Kafka has it before the offset past it is committed. An update says nothing of the project's state (Keystone's
 * notifications do not), so where Keystone is configured it is asked whether the project is
 * enabled now; where it cannot be asked, the update is recorded without a state.
 */
public final class ProjectEventsConsumer implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectEventsConsumer.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final Map<String, Object> kafka;
    private final String topic;
    private final String deadLetterTopic;
    private final ProjectLifespans lifespans;
    private final Optional<KeystoneProjectDirectory> keystone;
    private final ProjectEventCodec codec;
    private final Counter applied;
    private final Counter unreadable;
    private final Counter stateUnknown;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public ProjectEventsConsumer(
            String bootstrapServers,
            String topic,
            String deadLetterTopic,
            String groupId,
            ProjectLifespans lifespans,
            Optional<KeystoneProjectDirectory> keystone,
            ObjectMapper json,
            MetricRegistry metrics) {
        this.kafka = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG,
                "meterflow-rating-lifespans");
        this.topic = topic;
        this.deadLetterTopic = deadLetterTopic;
        this.lifespans = lifespans;
        this.keystone = keystone;
        this.codec = new ProjectEventCodec(json);
        this.applied = metrics.counter("rating.lifespans.events_applied");
        this.unreadable = metrics.counter("rating.lifespans.events_unreadable");
        this.stateUnknown = metrics.counter("rating.lifespans.state_unknown");
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "rating-project-events");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Reading project lifespans from Kafka topic {}", topic);
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> open =
                            new KafkaConsumer<>(kafka, new StringDeserializer(), new ByteArrayDeserializer());
                    DeadLetters deadLetters = new DeadLetters(bootstrapServers(), deadLetterTopic)) {
                consumer = open;
                open.subscribe(List.of(topic));
                while (running) {
                    var records = open.poll(Duration.ofSeconds(1));
                    for (ConsumerRecord<String, byte[]> record : records) {
                        handle(record, deadLetters);
                    }
                    if (!records.isEmpty()) {
                        deadLetters.awaitSent();
                        open.commitSync();
                    }
                }
            } catch (WakeupException e) {
                // stop(): the loop ends.
            } catch (RuntimeException e) {
                // The database or Kafka failed: start again from the committed offsets.
                LOG.warn(
                        "Project events not stored ({}); reading again from the last commit in {} s",
                        e,
                        RETRY.toSeconds());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record, DeadLetters deadLetters) {
        ProjectEvent event;
        try {
            if (record.value() == null) {
                throw new MalformedRecordException("no value");
            }
            event = codec.decode(record.value());
        } catch (MalformedRecordException e) {
            unreadable.inc();
            LOG.warn(
                    "Project event at {}-{} offset {} is unreadable, sent to {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    deadLetterTopic,
                    e.getMessage());
            deadLetters.send(record, e.getMessage());
            return;
        }
        if (event.kind() == ProjectEvent.Kind.UPDATED && event.enabled() == null && keystone.isPresent()) {
            event = withState(event, keystone.get());
        }
        if (lifespans.apply(event)) {
            applied.inc();
            LOG.info("Project {} {} at {}", event.projectId(), event.kind(), event.eventTime());
        }
    }

    private ProjectEvent withState(ProjectEvent event, KeystoneProjectDirectory directory) {
        try {
            // Gone already: the deletion event says the rest.
            return directory
                    .project(event.projectId())
                    .map(project -> event.withEnabled(project.enabled()))
                    .orElse(event);
        } catch (KeystoneUnavailableException e) {
            stateUnknown.inc();
            LOG.warn(
                    "Project {} updated; its state is unknown, Keystone cannot be asked: {}",
                    event.projectId(),
                    e.getMessage());
            return event;
        }
    }

    private String bootstrapServers() {
        return (String) kafka.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
