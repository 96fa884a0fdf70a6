package io.meterflow.singlenode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Objects;

/**
 * Where a single-node broker ({@link LocalKafkaBroker}) listens and what happens to its data.
 *
 * @param host the address both listeners bind to; loopback unless the operator says otherwise
 * @param brokerPort clients' port
 * @param controllerPort the KRaft controller's port; it must be known before start for the voter list
 * @param advertisedPort the port clients are told to use, normally {@code brokerPort} (a test may put a
 *     proxy in between)
 * @param storage whether the data directory outlives the broker
 */
public record EmbeddedKafkaOptions(
        String host, int brokerPort, int controllerPort, int advertisedPort, Storage storage) {

    public static final String LOOPBACK = "127.0.0.1";
    /** Kafka's customary client port, so tools that assume a local Kafka find this one. */
    public static final int DEFAULT_BROKER_PORT = 9092;
    /** The port Kafka's own KRaft quick start gives the controller. */
    public static final int DEFAULT_CONTROLLER_PORT = 9093;

    /** What the data directory is for. */
    public enum Storage {
        /** Kept: formatted on first start only, so records survive restarts. */
        PERSISTENT,
        /** Thrown away: deleted when the broker closes (tests, benchmarks). */
        SCRATCH
    }

    public EmbeddedKafkaOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(storage, "storage");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        checkPort("brokerPort", brokerPort);
        checkPort("controllerPort", controllerPort);
        checkPort("advertisedPort", advertisedPort);
        if (brokerPort == controllerPort) {
            throw new IllegalArgumentException("brokerPort and controllerPort are both " + brokerPort);
        }
    }

    /** A service's broker on loopback, on the given ports, keeping its data. */
    public static EmbeddedKafkaOptions persistent(int brokerPort, int controllerPort) {
        return new EmbeddedKafkaOptions(LOOPBACK, brokerPort, controllerPort, brokerPort, Storage.PERSISTENT);
    }

    /** A throw-away broker on loopback ports free at the time of asking. */
    public static EmbeddedKafkaOptions scratch() {
        int brokerPort = freePort();
        int controllerPort = freePort();
        while (controllerPort == brokerPort) {
            controllerPort = freePort();
        }
        return new EmbeddedKafkaOptions(LOOPBACK, brokerPort, controllerPort, brokerPort, Storage.SCRATCH);
    }

    /** The same broker, telling clients to connect to {@code port} instead of its own. */
    public EmbeddedKafkaOptions advertising(int port) {
        return new EmbeddedKafkaOptions(host, brokerPort, controllerPort, port, storage);
    }

    /** What clients put in {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return host + ":" + advertisedPort;
    }

    private static void checkPort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 1-65535, not " + port);
        }
    }

    /** Unlike Qpid, a KRaft node cannot bind port 0: the controller's port is part of its configuration. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + LOOPBACK, e);
        }
    }
}
