package io.meterflow.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.collector.amqp.NotificationConsumer;
import io.meterflow.collector.publish.KafkaPublisher;
import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.RealServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * End to end with a real Keystone that sends notifications (shared/keystone's start script with
 * KEYSTONE_NOTIFY=1): a project created, disabled and deleted through Keystone's API reaches Kafka
 * as its three project events. Needs METERFLOW_TEST_KEYSTONE_NOTIFY_URL (its Identity v3 URL, cloud
 * admin admin/admin-pass) and METERFLOW_TEST_KEYSTONE_NOTIFY_AMQP_URL (the vhost it publishes to,
 * which should be its own); skipped without them.
 */
@RealServices
class KeystoneLiveProjectEventsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aProjectsLifeInKeystoneReachesKafka(KafkaBroker kafka) throws Exception {
        String keystone = System.getenv("METERFLOW_TEST_KEYSTONE_NOTIFY_URL");
        String amqpUrl = System.getenv("METERFLOW_TEST_KEYSTONE_NOTIFY_AMQP_URL");
        assumeTrue(keystone != null && amqpUrl != null, "no notifying Keystone (METERFLOW_TEST_KEYSTONE_NOTIFY_URL)");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = kafka.topic("live-project-events");
        CollectorConfiguration config = LiveCollector.JSON.convertValue(
                Map.of(
                        "amqp",
                        Map.of(
                                "url",
                                amqpUrl,
                                "exchanges",
                                "keystone",
                                "topics",
                                "notifications",
                                "queuePrefix",
                                "mf-it-" + run + ".",
                                "deadLetterQueue",
                                "mf-it-" + run + ".dead-letter"),
                        "kafka",
                        Map.of(
                                "bootstrapServers", kafka.bootstrapServers(),
                                "samplesTopic", kafka.topic("live-samples"),
                                "resourceEventsTopic", kafka.topic("live-events"),
                                "projectEventsTopic", topic,
                                "deliveryTimeoutMs", 4000)),
                CollectorConfiguration.class);
        String project;
        try (KafkaPublisher publisher = LiveCollector.publisher(config, "it-live")) {
            NotificationConsumer consumer = LiveCollector.start(config, publisher);
            try {
                String token = adminToken(keystone);
                project = call(
                                keystone,
                                token,
                                "POST",
                                "projects",
                                "{\"project\":{\"name\":\"mf-live-" + run + "\",\"domain_id\":\"default\"}}",
                                201)
                        .path("project")
                        .path("id")
                        .asText();
                call(keystone, token, "PATCH", "projects/" + project, "{\"project\":{\"enabled\":false}}", 200);
                call(keystone, token, "DELETE", "projects/" + project, null, 204);

                assertThat(events(kafka, topic, project)).containsExactlyInAnyOrder("created", "updated", "deleted");
            } finally {
                consumer.stop();
                deleteQueues(amqpUrl, "mf-it-" + run + ".");
            }
        }
    }

    private static List<String> events(KafkaBroker kafka, String topic, String project) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("group.id", kafka.groupId("live-check"));
        props.put("auto.offset.reset", "earliest");
        List<String> events = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (events.size() < 3 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (project.equals(record.key())) {
                        try {
                            events.add(LiveCollector.JSON
                                    .readTree(record.value())
                                    .get("event")
                                    .asText());
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            }
        }
        return events;
    }

    private static String adminToken(String keystone) throws Exception {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\","
                + "\"domain\":{\"id\":\"default\"},\"password\":\"admin-pass\"}}},\"scope\":{\"project\":"
                + "{\"name\":\"admin\",\"domain\":{\"id\":\"default\"}}}}}";
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(keystone + "/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return answer.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private static JsonNode call(String keystone, String token, String method, String path, String body, int expected)
            throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(keystone + "/" + path))
                        .header("X-Auth-Token", token)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
        return answer.body().isEmpty()
                ? LiveCollector.JSON.createObjectNode()
                : LiveCollector.JSON.readTree(answer.body());
    }

    /** The collector's durable queues of this run, which would otherwise stay on the vhost. */
    private static void deleteQueues(String amqpUrl, String prefix) throws Exception {
        com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setUri(amqpUrl);
        try (com.rabbitmq.client.Connection connection = factory.newConnection();
                com.rabbitmq.client.Channel channel = connection.createChannel()) {
            for (String suffix : List.of("notifications.info", "notifications.sample", "dead-letter")) {
                channel.queueDelete(prefix + suffix);
            }
        }
    }
}
