package io.meterflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Takes the broker in its constructor, as a class with several fields built from it would. */
@RealServices
class KafkaBrokerIT {

    private final KafkaBroker kafka;

    KafkaBrokerIT(KafkaBroker kafka) {
        this.kafka = kafka;
    }

    @Test
    void carriesARecordThroughTheClassOwnTopic() throws Exception {
        String topic = kafka.topic("samples");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "instance-1", "cpu=0.5")).get(30, TimeUnit.SECONDS);
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, kafka.groupId("reader"),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            List<ConsumerRecord<String, String>> records = pollUntilAny(consumer, Duration.ofSeconds(30));
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("instance-1");
                assertThat(record.value()).isEqualTo("cpu=0.5");
            });
        }
    }

    @Test
    void prefixesTopicsAndGroupsWithTheClassIsolationId(KafkaBroker sameBroker) {
        assertThat(sameBroker).isEqualTo(kafka);
        assertThat(kafka.topic("samples")).startsWith("mf_test_").endsWith(".samples");
        assertThat(kafka.groupId("reader")).startsWith(kafka.topicPrefix());
    }

    private static List<ConsumerRecord<String, String>> pollUntilAny(
            KafkaConsumer<String, String> consumer, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        while (records.isEmpty() && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
