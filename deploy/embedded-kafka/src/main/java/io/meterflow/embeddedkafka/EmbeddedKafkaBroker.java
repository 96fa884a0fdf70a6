package io.meterflow.embeddedkafka;

import io.meterflow.singlenode.EmbeddedKafkaOptions;
import io.meterflow.singlenode.LocalKafkaBroker;
import java.net.BindException;
import java.nio.file.Path;
import java.util.Objects;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker inside this JVM: one KRaft node acting as broker and controller, its log in
 * one data directory. A persistent directory is formatted on first start only, so its records
 * survive restarts; a scratch one is deleted on close.
 */
public final class EmbeddedKafkaBroker implements LocalKafkaBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaRaftServer server;
    private final DirectoryLock lock;
    private final Path dataDirectory;
    private final EmbeddedKafkaOptions options;

    private EmbeddedKafkaBroker(
            KafkaRaftServer server, DirectoryLock lock, Path dataDirectory, EmbeddedKafkaOptions options) {
        this.server = server;
        this.lock = lock;
        this.dataDirectory = dataDirectory;
        this.options = options;
    }

    /**
     * Returns once the broker has caught up with its metadata log and is unfenced.
     *
     * @throws KafkaDirectoryInUseException if another broker runs on {@code dataDirectory}
     * @throws IllegalStateException if the broker does not start (a port taken, a damaged directory)
     */
    public static EmbeddedKafkaBroker start(Path dataDirectory, EmbeddedKafkaOptions options) {
        Objects.requireNonNull(options, "options");
        Path directory = dataDirectory.toAbsolutePath().normalize();
        keepJvmAlive();
        KafkaStorage.createDirectories(directory);
        DirectoryLock lock = DirectoryLock.acquire(directory);
        try {
            boolean reused = KafkaStorage.isFormatted(directory);
            KafkaStorage.formatIfNew(directory);
            KafkaConfig config = KafkaConfig.fromProps(BrokerProperties.of(directory, options), false);
            KafkaRaftServer server = started(new KafkaRaftServer(config, Time.SYSTEM), directory, options);
            LOG.info(
                    "Kafka broker on {} with {} data in {}",
                    options.bootstrapServers(),
                    reused ? "the existing" : "new",
                    directory);
            return new EmbeddedKafkaBroker(server, lock, directory, options);
        } catch (RuntimeException e) {
            lock.close();
            if (options.storage() == EmbeddedKafkaOptions.Storage.SCRATCH) {
                KafkaStorage.delete(directory);
            }
            throw e;
        }
    }

    private static KafkaRaftServer started(KafkaRaftServer server, Path directory, EmbeddedKafkaOptions options) {
        try {
            server.startup();
            return server;
        } catch (RuntimeException e) {
            server.shutdown();
            if (causedBy(e, BindException.class)) {
                throw new IllegalStateException(
                        "Kafka could not listen on " + options.host() + " port " + options.brokerPort() + " or "
                                + options.controllerPort() + ": in use by another process",
                        e);
            }
            throw new IllegalStateException("Kafka did not start on the data directory " + directory, e);
        }
    }

    /** What clients put in {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return options.bootstrapServers();
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            lock.close();
            if (options.storage() == EmbeddedKafkaOptions.Storage.SCRATCH) {
                KafkaStorage.delete(dataDirectory);
            }
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Kafka halts the process on faults it cannot recover from. In a test JVM that kills every other
     * test and Maven reports only a vanished fork; in a service it would take the service's own work
     * down with the broker. The request is logged and refused instead: the broker's clients then see
     * it fail and retry, and the log says why.
     */
    private static void keepJvmAlive() {
        Exit.setHaltProcedure((status, message) -> {
            LOG.error("Embedded Kafka asked to halt the JVM with status {}: {}", status, message);
            throw new IllegalStateException("Embedded Kafka asked to halt the JVM: " + message);
        });
        Exit.setExitProcedure((status, message) -> {
            LOG.error("Embedded Kafka asked to exit the JVM with status {}: {}", status, message);
            throw new IllegalStateException("Embedded Kafka asked to exit the JVM: " + message);
        });
    }
}
