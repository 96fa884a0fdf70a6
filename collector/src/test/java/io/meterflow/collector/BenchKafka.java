package io.meterflow.collector;

import io.meterflow.collector.publish.KafkaPublisher;
import io.meterflow.embeddedkafka.EmbeddedKafkaBroker;
import io.meterflow.singlenode.EmbeddedKafkaOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The benchmark's Kafka (collector/bench/bench-collector.sh): the services' single-node KRaft broker
 * in a JVM of its own, on free ports, scratch log under the given directory; prints
 * {@code bootstrap=host:port} and runs until killed.
 *
 * <p>Before that it takes {@code args[1]} records (default 0) of a sample's size on a topic of its
 * own, through the collector's own producer settings: a broker in service has long been compiled
 * by its JIT, and a fresh one spent up to twice its warm CPU in the first drain, which is the
 * broker's start, not the collector's.
 */
public final class BenchKafka {

    private static final int RECORD_BYTES = 650;

    private BenchKafka() {}

    public static void main(String[] args) throws Exception {
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(Path.of(args[0]), EmbeddedKafkaOptions.scratch());
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        int warmUpRecords = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        if (warmUpRecords > 0) {
            warmUp(kafka.bootstrapServers(), warmUpRecords);
        }
        System.out.println("bootstrap=" + kafka.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void warmUp(String bootstrapServers, int records) throws Exception {
        byte[] value = new byte[RECORD_BYTES];
        Arrays.fill(value, (byte) 'x');
        try (Producer<byte[], byte[]> producer = KafkaPublisher.producer(bootstrapServers, 30_000, "bench-warm-up")) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(
                        "bench.warm-up", ("resource-" + i % 5000).getBytes(StandardCharsets.UTF_8), value));
            }
            producer.flush();
        }
        TimeUnit.MILLISECONDS.sleep(500);
    }
}
