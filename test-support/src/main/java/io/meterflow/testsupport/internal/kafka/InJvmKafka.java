package io.meterflow.testsupport.internal.kafka;

import io.meterflow.testsupport.internal.Resource;
import io.meterflow.testsupport.internal.ScratchDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker inside this JVM: one KRaft node acting as broker and controller, on loopback
 * ports, with its log under {@code target/}. Sized for a small test JVM on two cores.
 */
final class InJvmKafka implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(InJvmKafka.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String CONTROLLER = "CONTROLLER";
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final ScratchDirectory logDir;
    private final String bootstrapServers;

    private InJvmKafka(KafkaRaftServer server, ScratchDirectory logDir, String bootstrapServers) {
        this.server = server;
        this.logDir = logDir;
        this.bootstrapServers = bootstrapServers;
    }

    static InJvmKafka start() {
        keepJvmAlive();
        ScratchDirectory logDir = ScratchDirectory.create("kafka");
        try {
            int brokerPort = freePort();
            int controllerPort = freePort();
            while (controllerPort == brokerPort) {
                controllerPort = freePort();
            }
            format(logDir.path());
            KafkaConfig config = KafkaConfig.fromProps(config(logDir.path(), brokerPort, controllerPort), false);
            return new InJvmKafka(started(new KafkaRaftServer(config, Time.SYSTEM)), logDir,
                    LOOPBACK + ":" + brokerPort);
        } catch (RuntimeException e) {
            logDir.delete();
            throw e;
        }
    }

    /** Returns once the broker has caught up with the metadata log and is unfenced. */
    private static KafkaRaftServer started(KafkaRaftServer server) {
        try {
            server.startup();
            return server;
        } catch (RuntimeException e) {
            server.shutdown();
            throw new IllegalStateException("In-JVM Kafka did not start", e);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            logDir.delete();
        }
    }

    private static Properties config(Path logDir, int brokerPort, int controllerPort) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort + "," + CONTROLLER + "://" + LOOPBACK + ":"
                + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort);
        config.put("controller.listener.names", CONTROLLER);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        // One node: every internal topic must make do with one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        // Fewer partitions for internal topics: they are created on first use, inside a test's time.
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.num.partitions", "1");
        config.put("num.partitions", "1");
        // A test consumer should not wait three seconds for a group that will never grow.
        config.put("group.initial.rebalance.delay.ms", "0");
        // The 128 MB default can run a small heap out of memory, and the broker then exits the JVM.
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        return config;
    }

    /**
     * Writes meta.properties and the bootstrap snapshot, as {@code kafka-storage format} does. The
     * tool itself is not called: it needs argparse4j 0.7, and Dropwizard's 0.9 wins on a class path
     * that has both.
     */
    private static void format(Path logDir) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setWriteBootstrapSnapshot(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Formatting Kafka storage in " + logDir + " failed: "
                    + output.toString(StandardCharsets.UTF_8), e);
        }
    }

    /**
     * Kafka halts the process on faults it cannot recover from. In a test JVM that kills every other
     * test and Maven reports only a vanished fork, so the request is logged and refused instead.
     */
    private static void keepJvmAlive() {
        Exit.setHaltProcedure((status, message) -> {
            LOG.error("In-JVM Kafka asked to halt the JVM with status {}: {}", status, message);
            throw new IllegalStateException("In-JVM Kafka asked to halt the JVM: " + message);
        });
        Exit.setExitProcedure((status, message) -> {
            LOG.error("In-JVM Kafka asked to exit the JVM with status {}: {}", status, message);
            throw new IllegalStateException("In-JVM Kafka asked to exit the JVM: " + message);
        });
    }

    /**
     * A port free at the time of asking. The controller's port must be known before start for the
     * quorum voter list, so unlike Qpid this cannot bind port 0.
     */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + LOOPBACK, e);
        }
    }
}
