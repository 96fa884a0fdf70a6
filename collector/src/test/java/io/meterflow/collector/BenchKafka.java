package io.meterflow.collector;

import io.meterflow.embeddedkafka.EmbeddedKafkaBroker;
import io.meterflow.embeddedkafka.EmbeddedKafkaOptions;
import java.nio.file.Path;

/**
 * The benchmark's Kafka (collector/bench/bench-collector.sh): the services' single-node KRaft broker
 * in a JVM of its own, on free ports, scratch log under the given directory; prints
 * {@code bootstrap=host:port} and runs until killed.
 */
public final class BenchKafka {

    private BenchKafka() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(Path.of(args[0]), EmbeddedKafkaOptions.scratch());
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        System.out.println("bootstrap=" + kafka.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join();
    }
}
