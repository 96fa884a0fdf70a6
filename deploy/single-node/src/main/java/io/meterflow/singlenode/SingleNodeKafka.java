package io.meterflow.singlenode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka a service uses: the configured cluster if there is one, else the one single-node broker
 * of this machine. The first service started without a cluster starts that broker in its own JVM,
 * from the embedded defaults ({@link LocalKafkaBroker}); a service started next finds it answering
 * on the same address and uses it instead of starting a second one. The broker lives as long as the
 * service that started it.
 */
public final class SingleNodeKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingleNodeKafka.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** A broker another service is starting may need a few seconds before it answers. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

    private final String bootstrapServers;
    private final String description;
    private final Optional<LocalKafkaBroker> startedHere;

    private SingleNodeKafka(String bootstrapServers, String description, Optional<LocalKafkaBroker> startedHere) {
        this.bootstrapServers = bootstrapServers;
        this.description = description;
        this.startedHere = startedHere;
    }

    /**
     * The configured cluster when {@code configuredBootstrapServers} is not blank; otherwise the broker
     * answering at {@code options}' address, started here on {@code dataDirectory} if none answers.
     */
    public static SingleNodeKafka resolve(
            String configuredBootstrapServers, Path dataDirectory, EmbeddedKafkaOptions options) {
        if (configuredBootstrapServers != null && !configuredBootstrapServers.isBlank()) {
            return new SingleNodeKafka(
                    configuredBootstrapServers.strip(),
                    "the configured cluster " + configuredBootstrapServers.strip(),
                    Optional.empty());
        }
        return useOrStart(dataDirectory, options);
    }

    /** The broker answering at {@code options}' address, or a new one started here on {@code dataDirectory}. */
    public static SingleNodeKafka useOrStart(Path dataDirectory, EmbeddedKafkaOptions options) {
        String address = options.bootstrapServers();
        if (answersAsKafka(options)) {
            return found(address);
        }
        try {
            LocalKafkaBroker broker = EmbeddedDefaults.starter(LocalKafkaBroker.Starter.class, "Kafka cluster")
                    .start(dataDirectory, options);
            return new SingleNodeKafka(
                    address,
                    "the single-node broker started here on " + address + ", data in " + broker.dataDirectory(),
                    Optional.of(broker));
        } catch (RuntimeException e) {
            // Another service may have won the race to start it between the probe and the start.
            if (answersAsKafka(options)) {
                return found(address);
            }
            throw e;
        }
    }

    private static SingleNodeKafka found(String address) {
        LOG.info("Using the single-node Kafka broker already running on {}", address);
        return new SingleNodeKafka(address, "the single-node broker already running on " + address, Optional.empty());
    }

    /**
     * Whether a Kafka broker answers at this address. A refused connection says no at once; a port
     * that accepts connections must also answer a cluster description, or it is something else.
     */
    public static boolean answersAsKafka(EmbeddedKafkaOptions options) {
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(options.host(), options.advertisedPort()), (int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            return false;
        }
        int timeoutMs = (int) ANSWER_TIMEOUT.toMillis();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs))) {
            admin.describeCluster().clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + options.bootstrapServers() + " for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn(
                    "{} accepts connections but does not answer as Kafka: {}",
                    options.bootstrapServers(),
                    e.toString());
            return false;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Which Kafka this is, for a service's start-up log. */
    public String description() {
        return description;
    }

    /** True if this process runs the broker (and closing this stops it). */
    public boolean startedHere() {
        return startedHere.isPresent();
    }

    /** Stops the broker if this process started it; a broker found running, or a cluster, is left alone. */
    @Override
    public void close() {
        startedHere.ifPresent(LocalKafkaBroker::close);
    }
}
