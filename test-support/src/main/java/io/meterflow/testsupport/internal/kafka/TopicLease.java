package io.meterflow.testsupport.internal.kafka;

import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.internal.IsolationId;
import io.meterflow.testsupport.internal.Resource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One test class's topic prefix; closing it deletes the topics the class made, so a long-lived
 * external cluster does not fill up with test topics.
 */
public final class TopicLease implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(TopicLease.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final KafkaBroker broker;

    private TopicLease(KafkaBroker broker) {
        this.broker = broker;
    }

    public static TopicLease take(KafkaServer server, IsolationId id) {
        return new TopicLease(new KafkaBroker(server.bootstrapServers(), id.prefix()));
    }

    public KafkaBroker broker() {
        return broker;
    }

    /** Deletes this class's topics; a failure is logged, not thrown, as the tests have already run. */
    @Override
    public void close() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)))) {
            List<String> topics = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith(broker.topicPrefix()))
                    .toList();
            if (!topics.isEmpty()) {
                admin.deleteTopics(topics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                LOG.debug("Deleted topics {}", topics);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while deleting topics with prefix {}", broker.topicPrefix());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Topics with prefix {} are left on {}", broker.topicPrefix(), broker.bootstrapServers(), e);
        }
    }
}
