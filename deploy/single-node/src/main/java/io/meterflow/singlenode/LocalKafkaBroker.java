package io.meterflow.singlenode;

import java.nio.file.Path;

/**
 * A Kafka broker this process runs, for a machine with no cluster. The implementation lives in
 * {@code deploy/embedded-kafka}, which only the embedded defaults put on the class path: a service
 * deployed against a real cluster carries no broker.
 */
public interface LocalKafkaBroker extends AutoCloseable {

    Path dataDirectory();

    /** Stops the broker; its data stays unless its options said scratch. */
    @Override
    void close();

    /** Starts brokers; found with {@link java.util.ServiceLoader}. */
    interface Starter {
        LocalKafkaBroker start(Path dataDirectory, EmbeddedKafkaOptions options);
    }
}
