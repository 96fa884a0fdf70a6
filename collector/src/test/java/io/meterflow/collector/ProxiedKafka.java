package io.meterflow.collector;

import io.meterflow.embeddedkafka.EmbeddedKafkaBroker;
import io.meterflow.singlenode.EmbeddedKafkaOptions;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A one-node KRaft Kafka of this test's own whose advertised listener is a {@link TcpProxy}: every
 * client connection, bootstrap and after, goes through the proxy, so cutting it makes Kafka
 * unavailable to the collector while the broker itself keeps running. The shared test broker
 * cannot do this (clients connect straight to its advertised address). Its log is deleted on close.
 */
final class ProxiedKafka implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final TcpProxy proxy;

    private ProxiedKafka(EmbeddedKafkaBroker broker, TcpProxy proxy) {
        this.broker = broker;
        this.proxy = proxy;
    }

    static ProxiedKafka start(Path logDir) throws IOException {
        EmbeddedKafkaOptions options = EmbeddedKafkaOptions.scratch();
        TcpProxy proxy = new TcpProxy(EmbeddedKafkaOptions.LOOPBACK, options.brokerPort());
        try {
            return new ProxiedKafka(EmbeddedKafkaBroker.start(logDir, options.advertising(proxy.port())), proxy);
        } catch (RuntimeException e) {
            proxy.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    TcpProxy proxy() {
        return proxy;
    }

    @Override
    public void close() throws IOException {
        proxy.close();
        broker.close();
    }
}
