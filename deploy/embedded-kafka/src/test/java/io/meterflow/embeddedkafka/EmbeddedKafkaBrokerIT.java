package io.meterflow.embeddedkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterflow.singlenode.EmbeddedKafkaOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    private static final String TOPIC = "samples";

    @Test
    void keepsRecordsAcrossRestartsOfAPersistentDirectory(@TempDir Path data) throws Exception {
        EmbeddedKafkaOptions options = persistentOnFreePorts();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, options)) {
            send(broker.bootstrapServers(), "instance-1", "cpu=0.5");
        }
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(data, options)) {
            assertThat(readAll(again.bootstrapServers(), 1)).containsExactly("cpu=0.5");
        }
        assertThat(data.resolve("meta.properties")).isRegularFile();
    }

    @Test
    void refusesASecondBrokerOnTheSameDirectoryNamingIt(@TempDir Path data) {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, persistentOnFreePorts())) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(data, persistentOnFreePorts()))
                    .isInstanceOf(KafkaDirectoryInUseException.class)
                    .hasMessageContaining(data.toAbsolutePath().toString());
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
        }
    }

    @Test
    void deletesAScratchDirectoryOnClose(@TempDir Path parent) throws Exception {
        Path data = parent.resolve("kafka");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, EmbeddedKafkaOptions.scratch())) {
            send(broker.bootstrapServers(), "volume-1", "size=10");
            assertThat(data).isDirectory();
        }
        assertThat(Files.exists(data)).isFalse();
    }

    static EmbeddedKafkaOptions persistentOnFreePorts() {
        EmbeddedKafkaOptions free = EmbeddedKafkaOptions.scratch();
        return EmbeddedKafkaOptions.persistent(free.brokerPort(), free.controllerPort());
    }

    static void send(String bootstrapServers, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    static List<String> readAll(String bootstrapServers, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, "reader",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
