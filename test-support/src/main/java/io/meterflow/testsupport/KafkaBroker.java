package io.meterflow.testsupport;

import java.util.Objects;

/**
 * A Kafka cluster shared by the whole test run, with a topic prefix that belongs to one test class.
 * Topics whose names start with the prefix are deleted after the class.
 *
 * @param bootstrapServers value for the clients' {@code bootstrap.servers}
 * @param topicPrefix prefix of every topic and consumer group this class may use
 */
public record KafkaBroker(String bootstrapServers, String topicPrefix) {

    public KafkaBroker {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        if (bootstrapServers.isBlank() || topicPrefix.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers and topicPrefix must not be blank");
        }
    }

    /** The name this class uses for the topic it calls {@code base}. */
    public String topic(String base) {
        return topicPrefix + base;
    }

    /**
     * The consumer group (or Kafka Streams application id) this class uses for {@code base}, so that
     * classes sharing a broker never join each other's groups.
     */
    public String groupId(String base) {
        return topicPrefix + base;
    }
}
