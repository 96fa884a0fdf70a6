package io.meterflow.timeseries.samples;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the collector's topics when the ingest starts before the collector ever published
 * (Kafka Streams stops on a missing source topic), with the broker's default partitions, as the
 * collector's own first send would; and the dead-letter topic. Existing topics are left alone.
 */
final class SampleTopics {

    private static final Logger LOG = LoggerFactory.getLogger(SampleTopics.class);

    private SampleTopics() {}

    static void ensure(Admin admin, SampleTopicNames names) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (NewTopic topic : List.of(
                    new NewTopic(names.samples(), Optional.empty(), Optional.empty()),
                    new NewTopic(names.resourceEvents(), Optional.empty(), Optional.empty()),
                    new NewTopic(names.deadLetter(), Optional.of(1), Optional.empty()))) {
                if (existing.contains(topic.name())) {
                    continue;
                }
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    LOG.info("Created Kafka topic {}", topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka topics " + names.samples() + ", " + names.resourceEvents() + " and " + names.deadLetter()
                            + " could not be created",
                    e);
        }
    }
}
