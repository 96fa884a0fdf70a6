package io.meterflow.embeddedkafka;

import io.meterflow.singlenode.EmbeddedKafkaOptions;
import java.nio.file.Path;
import java.util.Properties;

/** The configuration of a one-node KRaft Kafka, sized for a small JVM on two cores. */
final class BrokerProperties {

    static final String CONTROLLER = "CONTROLLER";
    static final int NODE_ID = 1;

    private BrokerProperties() {}

    static Properties of(Path logDir, EmbeddedKafkaOptions options) {
        String host = options.host();
        Properties config = new Properties();
        // One process is broker and controller of its own quorum of one.
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + options.controllerPort());
        config.put(
                "listeners",
                "PLAINTEXT://" + host + ":" + options.brokerPort() + "," + CONTROLLER + "://" + host + ":"
                        + options.controllerPort());
        config.put("advertised.listeners", "PLAINTEXT://" + host + ":" + options.advertisedPort());
        config.put("controller.listener.names", CONTROLLER);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        // One node: every topic, internal ones included, must make do with one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        // Fewer partitions for internal topics: they are created on first use, while a client waits.
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.num.partitions", "1");
        config.put("num.partitions", "1");
        // A consumer group of one should not wait three seconds for members that will never come.
        config.put("group.initial.rebalance.delay.ms", "0");
        // The 128 MB default can run a small heap out of memory, and the broker then exits the JVM.
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        // Two cores are shared with the service that embeds the broker.
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        return config;
    }
}
