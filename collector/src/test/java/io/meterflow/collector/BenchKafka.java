package io.meterflow.collector;

import java.nio.file.Path;

/**
 * The benchmark's Kafka (collector/bench/bench-collector.sh): a one-node KRaft broker in this JVM,
 * log under the given directory; prints {@code bootstrap=host:port} and runs until killed.
 */
public final class BenchKafka {

    private BenchKafka() {
    }

    public static void main(String[] args) throws Exception {
        ProxiedKafka kafka = ProxiedKafka.start(Path.of(args[0]), false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kafka.close();
            } catch (Exception e) {
                // the JVM is going anyway
            }
        }));
        System.out.println("bootstrap=" + kafka.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join();
    }
}
