package io.meterflow.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A one-node KRaft Kafka of this test's own whose advertised listener is a {@link TcpProxy}: every
 * client connection, bootstrap and after, goes through the proxy, so cutting it makes Kafka
 * unavailable to the collector while the broker itself keeps running. The shared test broker
 * cannot do this (clients connect straight to its advertised address).
 */
final class ProxiedKafka implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final KafkaRaftServer server;
    private final TcpProxy proxy;
    private final Path logDir;

    private final int port;

    private ProxiedKafka(KafkaRaftServer server, TcpProxy proxy, Path logDir, int port) {
        this.server = server;
        this.proxy = proxy;
        this.logDir = logDir;
        this.port = port;
    }

    static ProxiedKafka start(Path logDir) throws IOException {
        return start(logDir, true);
    }

    /** Without the proxy (the benchmark's broker), clients talk to the broker directly. */
    static ProxiedKafka start(Path logDir, boolean proxied) throws IOException {
        int brokerPort = freePort();
        int controllerPort = freePort();
        TcpProxy proxy = proxied ? new TcpProxy(LOOPBACK, brokerPort) : null;
        int advertisedPort = proxied ? proxy.port() : brokerPort;
        Files.createDirectories(logDir);
        try {
            new Formatter().setNodeId(1).setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER").setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString())).setWriteBootstrapSnapshot(true).run();
        } catch (Exception e) {
            throw new IllegalStateException("formatting Kafka storage failed", e);
        }
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@" + LOOPBACK + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort + ",CONTROLLER://" + LOOPBACK + ":"
                + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + advertisedPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
                "share.coordinator.state.topic.min.isr", "default.replication.factor", "min.insync.replicas",
                "offsets.topic.num.partitions", "transaction.state.log.num.partitions",
                "share.coordinator.state.topic.num.partitions", "num.partitions")) {
            config.put(key, "1");
        }
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        return new ProxiedKafka(server, proxy, logDir, advertisedPort);
    }

    String bootstrapServers() {
        return LOOPBACK + ":" + port;
    }

    TcpProxy proxy() {
        return proxy;
    }

    @Override
    public void close() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        server.shutdown();
        server.awaitShutdown();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path logDir() {
        return logDir;
    }
}
