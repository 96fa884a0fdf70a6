package io.meterflow.allinone.amqp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification bus of the all-in-one: Apache Qpid Broker-J speaking AMQP 0-9-1 (which
 * oslo.messaging's rabbit driver and the collector speak) on loopback, user guest/guest. Messages
 * are kept in Derby under the data directory, so notifications the collector has not taken yet
 * survive a restart.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAmqpBroker.class);
    private static final String CONFIG = "classpath:io/meterflow/allinone/qpid-broker.json";

    private final SystemLauncher launcher;
    private final int port;

    private EmbeddedAmqpBroker(SystemLauncher launcher, int port) {
        this.launcher = launcher;
        this.port = port;
    }

    /**
     * Starts the broker on {@code preferredPort}, or on a free port when that one is taken: a
     * machine that runs RabbitMQ already holds 5672, and the all-in-one must start there too.
     */
    public static EmbeddedAmqpBroker start(Path dataDirectory, int preferredPort) {
        int port = isFree(preferredPort) ? preferredPort : 0;
        if (port == 0) {
            LOG.info("Port {} is taken; the embedded AMQP broker takes a free one", preferredPort);
        }
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDirectory, e);
        }
        AtomicReference<SystemConfig<?>> systemConfig = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> resolved) {
                systemConfig.set(resolved);
            }
        });
        // The broker's own configuration is rebuilt from the packaged file at every start (type
        // Memory), so a port chosen this time is used; the virtual host's messages live in Derby.
        Map<String, Object> attributes = Map.of(
                ConfiguredObject.TYPE,
                "Memory",
                "initialConfigurationLocation",
                CONFIG,
                "startupLoggedToSystemOut",
                false,
                ConfiguredObject.CONTEXT,
                Map.of(
                        "qpid.work_dir", dataDirectory.toAbsolutePath().toString(),
                        "meterflow.amqp.port", Integer.toString(port),
                        "meterflow.amqp.store",
                                dataDirectory.resolve("store").toAbsolutePath().toString(),
                        "qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}"));
        try {
            launcher.startup(attributes);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded AMQP broker (Qpid Broker-J) did not start", e);
        }
        if (systemConfig.get() == null || systemConfig.get().getContainer() == null) {
            launcher.shutdown();
            throw new IllegalStateException("The embedded AMQP broker (Qpid Broker-J) did not start; its log says why");
        }
        Broker<?> broker = (Broker<?>) systemConfig.get().getContainer();
        withoutOwnShutdownHook(broker);
        int bound = broker.getChildren(Port.class).stream()
                .filter(candidate -> "AMQP".equals(candidate.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Qpid has no AMQP port"))
                .getBoundPort();
        return new EmbeddedAmqpBroker(launcher, bound);
    }

    /** The URL the collector, the rating engine and the demo connect with. */
    public String url() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        launcher.shutdown();
    }

    /**
     * Qpid stops itself in a JVM shutdown hook of its own, which runs at the same time as the
     * services' and would close the bus under the collector. The all-in-one stops the broker after
     * the services instead, so the hook is taken out (Qpid offers no setting for it).
     */
    private static void withoutOwnShutdownHook(Broker<?> broker) {
        try {
            Field hook = broker.getClass().getDeclaredField("_shutdownHook");
            hook.setAccessible(true);
            if (hook.get(broker) instanceof Thread thread) {
                Runtime.getRuntime().removeShutdownHook(thread);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Qpid's shutdown hook stays; the broker may stop before the collector", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
