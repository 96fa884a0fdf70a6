package io.meterflow.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.meterflow.collector.amqp.DeadLetterPublisher;
import io.meterflow.collector.amqp.NotificationConsumer;
import io.meterflow.collector.publish.KafkaPublisher;
import io.meterflow.testsupport.AmqpBroker;
import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.RealServices;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Keystone's own project notifications (the exact bodies a Keystone 22 sent, in its cadf and basic
 * formats) on the {@code keystone} exchange of a real broker become project events on Kafka, keyed
 * by project id, in Keystone's order and once each even when RabbitMQ delivers them again; one
 * naming no project is dead-lettered with its reason.
 */
@RealServices
class KeystoneProjectEventsIT {

    @Test
    void keystonesProjectNotificationsBecomeProjectEventsOnceEach(AmqpBroker amqp, KafkaBroker kafka) throws Exception {
        List<String> lines = new ArrayList<>();
        resource("project-lifecycle-cadf.jsonl").forEach(body -> lines.add(recorded(body)));
        resource("project-lifecycle-basic.jsonl").forEach(body -> lines.add(recorded(body)));
        lines.add(recorded("{\"oslo.version\":\"2.0\",\"oslo.message\":\"{\\\"message_id\\\":\\\"no-project\\\","
                + "\\\"event_type\\\":\\\"identity.project.deleted\\\",\\\"priority\\\":\\\"INFO\\\","
                + "\\\"timestamp\\\":\\\"2026-12-07 10:00:00.000000\\\",\\\"payload\\\":{}}\"}"));
        String topic = kafka.topic("project-events");
        CollectorConfiguration config = LiveCollector.config(
                amqp,
                amqp.uri(),
                kafka.bootstrapServers(),
                kafka.topic("samples-p"),
                kafka.topic("events-p"),
                100,
                50,
                Map.of("projectEventsTopic", topic));
        try (KafkaPublisher publisher = LiveCollector.publisher(config, "it-p")) {
            NotificationConsumer consumer = LiveCollector.start(config, publisher);
            try {
                LiveCollector.publish(amqp, lines);

                List<ConsumerRecord<String, String>> records =
                        read(kafka.bootstrapServers(), topic, kafka.groupId("check-p"), 8, Duration.ofSeconds(60));

                assertThat(records).hasSize(8);
                // The same messages again, as after an acknowledgement lost: recognised by message_id.
                LiveCollector.publish(amqp, lines.subList(0, 5));
                assertThat(read(kafka.bootstrapServers(), topic, kafka.groupId("check-p2"), 9, Duration.ofSeconds(8)))
                        .hasSize(8);
                // In Keystone's order by event_time; in the topic only as RabbitMQ handed them to the
                // consumers (several at once), which is why readers order by event_time.
                assertThat(events(records, "264ab0e0c52e40c68f34475565a6aebb"))
                        .containsExactly("created", "updated", "updated", "updated", "deleted");
                assertThat(events(records, "3051b6ec9a7a4d2fa166a6bf0d5a53d2"))
                        .containsExactly("created", "updated", "deleted");
                // The created event by its kind: the topic need not hold it first (see above).
                JsonNode created = records.stream()
                        .filter(r -> r.key().equals("264ab0e0c52e40c68f34475565a6aebb"))
                        .map(r -> json(r.value()))
                        .filter(event -> event.path("event").asText().equals("created"))
                        .findFirst()
                        .orElseThrow();
                assertThat(created.get("event_time").asText()).isEqualTo("2026-12-07T10:55:25.090496Z");
                assertThat(created.get("message_id").asText()).isEqualTo("57d57b65-f42f-431b-a6a6-722b8fb84602");
                assertThat(created.get("initiator_user_id").asText()).isEqualTo("9d549af27dc740c39c7b3dc04fbdf264");
                assertThat(created.has("enabled")).isFalse();
                assertThat(deadLetterReasons(amqp))
                        .containsExactly("malformed: identity.project.deleted names no project"
                                + " (no resource_info, no target.id)");
            } finally {
                consumer.stop();
            }
        }
    }

    /** The project's events ordered by their {@code event_time}. */
    private static List<String> events(List<ConsumerRecord<String, String>> records, String project) {
        return records.stream()
                .filter(r -> r.key().equals(project))
                .map(r -> json(r.value()))
                .sorted(Comparator.comparing((JsonNode event) ->
                        Instant.parse(event.get("event_time").asText())))
                .map(event -> event.get("event").asText())
                .toList();
    }

    private static JsonNode json(String value) {
        try {
            return LiveCollector.JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line as notify.py records it: the Keystone body, sent to the test's copy of {@code keystone}. */
    private static String recorded(String body) {
        try {
            return LiveCollector.JSON.writeValueAsString(
                    Map.of("exchange", "keystone", "routing_key", "notifications.info", "body", body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> resource(String name) throws IOException {
        try (InputStream in = KeystoneProjectEventsIT.class.getResourceAsStream("/keystone/" + name)) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    /** Reads until {@code count} records arrived, then two seconds more, to see any extra. */
    private static List<ConsumerRecord<String, String>> read(
            String bootstrapServers, String topic, String group, int count, Duration timeout) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", group);
        props.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long settleUntil = Long.MAX_VALUE;
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (records.size() >= count && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return records;
    }

    private static List<String> deadLetterReasons(AmqpBroker amqp) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqp.uri());
        List<String> reasons = new ArrayList<>();
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            GetResponse response;
            while ((response = channel.basicGet(amqp.name("dead-letter"), true)) != null) {
                reasons.add(String.valueOf(response.getProps().getHeaders().get(DeadLetterPublisher.REASON_HEADER)));
            }
        }
        return reasons;
    }
}
