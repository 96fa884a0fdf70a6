package io.meterflow.testsupport.internal.kafka;

import io.meterflow.testsupport.internal.Resource;
import java.util.Objects;

/**
 * A Kafka cluster the whole test run shares, whatever its source.
 *
 * @param bootstrapServers where clients connect
 * @param description where it came from, for the log
 * @param shutdown stops it if this JVM started it; does nothing for an external cluster
 */
public record KafkaServer(String bootstrapServers, String description, Resource shutdown) implements Resource {

    public KafkaServer {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(shutdown, "shutdown");
    }

    @Override
    public void close() {
        shutdown.close();
    }
}
