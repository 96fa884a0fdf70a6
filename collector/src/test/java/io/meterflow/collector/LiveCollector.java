package io.meterflow.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.dropwizard.jackson.Jackson;
import io.meterflow.collector.amqp.NotificationConsumer;
import io.meterflow.collector.ingest.CollectorMetrics;
import io.meterflow.collector.ingest.NotificationProcessor;
import io.meterflow.collector.ingest.Outcome;
import io.meterflow.collector.notification.NovaFormat;
import io.meterflow.collector.publish.KafkaPublisher;
import io.meterflow.collector.replay.RecordedMessage;
import io.meterflow.deployment.DeploymentNamespace;
import io.meterflow.testsupport.AmqpBroker;
import io.meterflow.wire.WireFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the live-collector tests share: configuration, a publisher of recorded lines, a Kafka reader. */
final class LiveCollector {

    static final ObjectMapper JSON = Jackson.newObjectMapper();

    private LiveCollector() {}

    static List<String> goldenLines(int count) {
        return WireFixtures.lines(WireFixtures.GOLDEN_NOTIFICATIONS).stream()
                .limit(count)
                .toList();
    }

    /**
     * {@code copies} times the lines, each copy with message ids of its own, so a long stream has as
     * many distinct notifications as lines. Samples whose ids come from the content (Nova's, so
     * that legacy and versioned twins agree; polled samples that carry their own) repeat per copy.
     */
    static List<String> distinctCopies(List<String> lines, int copies) throws Exception {
        List<String> stream = new ArrayList<>(lines.size() * copies);
        for (int copy = 0; copy < copies; copy++) {
            for (String line : lines) {
                stream.add(copy == 0 ? line : withOwnMessageId(line, copy));
            }
        }
        return stream;
    }

    private static String withOwnMessageId(String line, int copy) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(line);
        ObjectNode body = (ObjectNode) node.get("body");
        ObjectNode message = (ObjectNode) JSON.readTree(body.get("oslo.message").asText());
        String original = message.path("message_id").asText();
        message.put(
                "message_id",
                UUID.nameUUIDFromBytes((original + "/copy-" + copy).getBytes(StandardCharsets.UTF_8))
                        .toString());
        body.put("oslo.message", JSON.writeValueAsString(message));
        return JSON.writeValueAsString(node);
    }

    static CollectorConfiguration config(
            AmqpBroker amqp,
            String amqpUrl,
            String bootstrapServers,
            String samplesTopic,
            String eventsTopic,
            int prefetch,
            int batchSize) {
        return config(amqp, amqpUrl, bootstrapServers, samplesTopic, eventsTopic, prefetch, batchSize, Map.of());
    }

    /** @param moreKafka further {@code kafka:} keys ({@code projectEventsTopic}, ...) */
    static CollectorConfiguration config(
            AmqpBroker amqp,
            String amqpUrl,
            String bootstrapServers,
            String samplesTopic,
            String eventsTopic,
            int prefetch,
            int batchSize,
            Map<String, Object> moreKafka) {
        Map<String, Object> amqpConfig = new HashMap<>();
        amqpConfig.put("url", amqpUrl);
        amqpConfig.put("exchanges", exchanges(amqp));
        amqpConfig.put("queuePrefix", amqp.name("q."));
        amqpConfig.put("deadLetterQueue", amqp.name("dead-letter"));
        amqpConfig.put("prefetch", prefetch);
        amqpConfig.put("batchSize", batchSize);
        amqpConfig.put("concurrency", 2);
        Map<String, Object> kafkaConfig = new HashMap<>(moreKafka);
        kafkaConfig.put("bootstrapServers", bootstrapServers);
        kafkaConfig.put("samplesTopic", samplesTopic);
        kafkaConfig.put("resourceEventsTopic", eventsTopic);
        kafkaConfig.put("deliveryTimeoutMs", 4000);
        return JSON.convertValue(Map.of("amqp", amqpConfig, "kafka", kafkaConfig), CollectorConfiguration.class);
    }

    /** The test's copies of the exchanges the golden stream is published to, comma-separated. */
    static String exchanges(AmqpBroker amqp) {
        return String.join(
                ",",
                List.of(
                                "nova",
                                "openstack",
                                "neutron",
                                "swift",
                                "keystone",
                                "ceilometer",
                                "glance",
                                "designate",
                                "trove",
                                "magnum")
                        .stream()
                        .map(amqp::name)
                        .toList());
    }

    static KafkaPublisher publisher(CollectorConfiguration config, String clientId) {
        // Tests name their topics in full: the configured namespace, usually none (legacy names).
        return CollectorApplication.kafkaPublisher(
                config,
                new DeploymentNamespace(config.kafka().deployment()),
                config.kafka().bootstrapServers(),
                JSON,
                clientId);
    }

    static NotificationConsumer start(CollectorConfiguration config, KafkaPublisher publisher) {
        return start(config, publisher, CollectorMetrics.NONE);
    }

    static NotificationConsumer start(
            CollectorConfiguration config, KafkaPublisher publisher, CollectorMetrics metrics) {
        NotificationConsumer consumer =
                CollectorApplication.consumer(config, JSON, publisher, metrics, Clock.systemUTC());
        consumer.start();
        return consumer;
    }

    /** The sample ids the collector must publish for these lines, computed offline by the same processor. */
    static Expected expected(List<String> lines) throws Exception {
        NotificationProcessor processor = CollectorApplication.processor(JSON, List.of(), NovaFormat.BOTH, true);
        List<String> ids = new ArrayList<>();
        int deadLetters = 0;
        for (String line : lines) {
            Outcome outcome =
                    processor.process(RecordedMessage.parse(JSON, line).body());
            if (outcome instanceof Outcome.Metered metered) {
                metered.samples().forEach(s -> ids.add(s.id()));
                processor.done(metered.messageId());
            } else if (outcome instanceof Outcome.DeadLetter) {
                deadLetters++;
            }
        }
        return new Expected(ids, deadLetters);
    }

    record Expected(List<String> sampleIds, int deadLetters) {}

    /** Publishes recorded lines with publisher confirms, each to the test's copy of its exchange. */
    static void publish(AmqpBroker amqp, List<String> lines) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqp.uri());
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .contentType("application/json")
                    .contentEncoding("utf-8")
                    .deliveryMode(2)
                    .build();
            for (String line : lines) {
                JsonNode node = JSON.readTree(line);
                byte[] body = node.has("body")
                        ? RecordedMessage.parse(JSON, line).body()
                        : line.getBytes(StandardCharsets.UTF_8);
                channel.basicPublish(
                        amqp.name(node.path("exchange").asText("nova")),
                        node.path("routing_key").asText("notifications.info"),
                        properties,
                        body);
            }
            channel.waitForConfirmsOrDie(30_000);
        }
    }

    /** Reads sample ids from the topic until {@code count} arrived (then a little longer, to see extras). */
    static List<String> sampleIds(String bootstrapServers, String topic, String group, int count, Duration timeout)
            throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", group);
        props.put("auto.offset.reset", "earliest");
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long settleUntil = Long.MAX_VALUE;
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(JSON.readTree(record.value()).get("id").asText());
                }
                if (ids.size() >= count && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return ids;
    }

    static Set<String> distinct(List<String> ids) {
        return new LinkedHashSet<>(ids);
    }
}
