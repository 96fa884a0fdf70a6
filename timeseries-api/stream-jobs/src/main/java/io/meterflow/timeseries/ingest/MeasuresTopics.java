package io.meterflow.timeseries.ingest;

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
 * Creates the measures and dead-letter topics when they do not exist yet. Existing topics are
 * left as they are: an operator may have given them more partitions or replicas.
 */
public final class MeasuresTopics {

    private static final Logger LOG = LoggerFactory.getLogger(MeasuresTopics.class);

    private MeasuresTopics() {}

    public static void ensure(Admin admin, MeasureTopicNames names, int partitions) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            // The broker's default replication: 1 on the single node, the cluster's own elsewhere.
            for (NewTopic topic : List.of(
                    new NewTopic(names.measures(), Optional.of(partitions), Optional.empty()),
                    new NewTopic(names.deadLetter(), Optional.of(1), Optional.empty()))) {
                if (existing.contains(topic.name())) {
                    continue;
                }
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    LOG.info("Created Kafka topic {} ({} partitions)", topic.name(), topic.numPartitions());
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
                    "Kafka topics " + names.measures() + " and " + names.deadLetter() + " could not be created", e);
        }
    }
}
