package io.meterflow.rating.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.AmqpBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A budget alert on the real notification bus: published once per period as an oslo.messaging
 * notification (version 2 envelope, routing key {@code <topic>.info}) into the queue oslo's
 * notifier declares, and not marked sent while the broker is out of reach.
 */
@RealServices
class BudgetNotificationIT {

    private static final String BILLING = "/v2/billing/";
    private static final String PROJECT = "budget-bus-project";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RatingApiFixture api;
    private static Connection consumer;

    @BeforeAll
    static void start(PostgresDatabase db, AmqpBroker amqp) throws Exception {
        api = RatingApiFixture.start(
                db,
                Map.of(
                        "notifications.amqpUrl", amqp.uri(),
                        "notifications.exchange", amqp.name("meterflow"),
                        "notifications.topic", amqp.name("notifications")));
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqp.uri());
        consumer = factory.newConnection();
        RatingApiFixture.Reply plan = api.post(
                BILLING + "plans",
                Map.of(
                        "code", "hourly",
                        "currency", "EUR",
                        "charges", List.of(Map.of("rating_type", "instance", "model", "per_unit", "unit_price", "1"))));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        consumer.close();
    }

    @Test
    void aReachedThresholdIsPublishedOnceAsAnOsloNotification(AmqpBroker amqp) throws Exception {
        subscribe(api, PROJECT);
        RatingApiFixture.Reply alert =
                api.post(BILLING + "alerts", Map.of("project_id", PROJECT, "threshold", "2.5", "currency", "EUR"));
        assertThat(alert.status()).as(alert.body()).isEqualTo(201);
        assertThat(alert.json().get("webhook_url").isNull()).isTrue();

        rated("2026-11-02T00:00:00", "2026-11-02T01:00:00"); // 2 EUR: below the threshold
        charge();
        rated("2026-11-02T02:00:00"); // 3 EUR: reached
        charge();
        charge(); // already published for November: not again

        List<JsonNode> published = drain(amqp.name("notifications.info"));
        assertThat(published).hasSize(1);
        JsonNode envelope = published.get(0);
        assertThat(envelope.get("oslo.version").asText()).isEqualTo("2.0");
        JsonNode message = JSON.readTree(envelope.get("oslo.message").asText());
        assertThat(message.get("event_type").asText()).isEqualTo("meterflow.budget.threshold_reached");
        assertThat(message.get("priority").asText()).isEqualTo("INFO");
        assertThat(message.get("publisher_id").asText()).startsWith("rating.");
        assertThat(message.get("message_id").asText()).hasSize(36);
        assertThat(message.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        JsonNode payload = message.get("payload");
        assertThat(payload.get("project_id").asText()).isEqualTo(PROJECT);
        assertThat(payload.get("period").asText()).isEqualTo("2026-11");
        assertThat(payload.get("period_start").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(new BigDecimal(payload.get("threshold").asText())).isEqualByComparingTo("2.5");
        assertThat(new BigDecimal(payload.get("total").asText())).isEqualByComparingTo("3");
        assertThat(payload.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void anAlertWithoutWebhookIsRefusedWhereNoBusIsConfigured(PostgresDatabase db) throws Exception {
        // Same database, a second API without a bus (said outright: the first one's settings are
        // system properties of this JVM until it stops).
        RatingApiFixture noBus = RatingApiFixture.start(db, Map.of("notifications.amqpUrl", ""));
        try {
            RatingApiFixture.Reply refused = noBus.post(
                    BILLING + "alerts", Map.of("project_id", "budget-bus-none", "threshold", "1", "currency", "EUR"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("message").asText()).contains("webhook_url");
        } finally {
            noBus.close();
        }
    }

    @Test
    void aBrokerOutOfReachLeavesTheAlertPendingUntilItIsBack(PostgresDatabase db, AmqpBroker amqp) throws Exception {
        String project = "budget-bus-unreachable";
        // Nothing listens on port 1: every publish fails, and the alert must stay due.
        RatingApiFixture unreachable = RatingApiFixture.start(
                db,
                Map.of(
                        "notifications.amqpUrl", "amqp://guest:guest@127.0.0.1:1/",
                        "notifications.exchange", amqp.name("meterflow"),
                        "notifications.topic", amqp.name("notifications")));
        try {
            subscribe(unreachable, project);
            assertThat(unreachable
                            .post(
                                    BILLING + "alerts",
                                    Map.of("project_id", project, "threshold", "1", "currency", "EUR"))
                            .status())
                    .isEqualTo(201);
            store(unreachable, project, "2026-11-03T00:00:00");
            assertThat(unreachable
                            .get(BILLING + "charges?project_id=" + project + "&period=2026-11")
                            .status())
                    .isEqualTo(200);
        } finally {
            unreachable.close();
        }
        drain(amqp.name("notifications.info"));
        // The API with a reachable bus publishes what the other could not.
        assertThat(api.get(BILLING + "charges?project_id=" + project + "&period=2026-11")
                        .status())
                .isEqualTo(200);
        List<JsonNode> published = drain(amqp.name("notifications.info"));
        assertThat(published).hasSize(1);
        JsonNode payload =
                JSON.readTree(published.get(0).get("oslo.message").asText()).get("payload");
        assertThat(payload.get("project_id").asText()).isEqualTo(project);
    }

    private static void subscribe(RatingApiFixture on, String project) {
        RatingApiFixture.Reply subscribed = on.post(
                BILLING + "subscriptions",
                Map.of("project_id", project, "plan_code", "hourly", "starts_at", "2026-11-01T00:00:00Z"));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
    }

    private static void rated(String... hours) {
        for (String hour : hours) {
            store(api, PROJECT, hour);
        }
    }

    /** One rated hour of one instance (hashmap price 0: the plan prices it). */
    private static void store(RatingApiFixture on, String project, String begin) {
        Map<String, Object> usage = Map.of(
                "instance",
                List.of(Map.of(
                        "vol", Map.of("unit", "instance", "qty", "1"),
                        "rating", Map.of("price", "0"),
                        "groupby", Map.of("id", "vm-" + project, "project_id", project),
                        "metadata", Map.of())));
        String end = LocalDateTime.parse(begin).plusHours(1).toString();
        RatingApiFixture.Reply stored = on.post(
                "/v2/dataframes",
                Map.of("dataframes", List.of(Map.of("period", Map.of("begin", begin, "end", end), "usage", usage))));
        assertThat(stored.status()).as(stored.body()).isEqualTo(204);
    }

    private static void charge() {
        RatingApiFixture.Reply reply = api.get(BILLING + "charges?project_id=" + PROJECT + "&period=2026-11");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static List<JsonNode> drain(String queue) throws Exception {
        List<JsonNode> messages = new ArrayList<>();
        try (Channel channel = consumer.createChannel()) {
            GetResponse got;
            while ((got = channel.basicGet(queue, true)) != null) {
                assertThat(got.getProps().getContentType()).isEqualTo("application/json");
                messages.add(JSON.readTree(new String(got.getBody(), StandardCharsets.UTF_8)));
            }
        }
        return messages;
    }
}
