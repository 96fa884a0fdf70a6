package io.meterflow.rating.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Plans, credits and period charges through the API on a real PostgreSQL, on hand-computed cases:
 * graduated tiers with a flat fee, an allowance and a discount; volume tiers; packages; a minimum
 * commitment with its true-up; credits drawn by priority, an expired one left alone; a charge
 * frozen for invoicing that usage arriving later does not change.
 */
@RealServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingIT {

    private static final String BILLING = "/v2/billing/";
    private static final String P1 = "billing-project-1";
    private static final String P2 = "billing-project-2";

    private static RatingApiFixture api;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = RatingApiFixture.start(db);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    @Order(1)
    void aPlanWithMistakesIsRefusedWithEveryFieldNamedAndNothingStored() {
        RatingApiFixture.Reply refused = api.post(
                BILLING + "plans",
                Map.of(
                        "code", "broken",
                        "currency", "EURO",
                        "charges",
                                List.of(Map.of(
                                        "rating_type", "instance",
                                        "model", "graduated",
                                        "tiers",
                                                List.of(
                                                        Map.of("up_to", "abc", "unit_price", "0.1"),
                                                        Map.of("unit_price", "-1"))))));

        assertThat(refused.status()).isEqualTo(400);
        String message = refused.json().get("message").asText();
        assertThat(message)
                .contains("currency: EURO")
                .contains("charges[0].tiers[0].up_to")
                .contains("charges[0].tiers[1]");
        assertThat(api.get(BILLING + "plans/broken").status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aPlanIsStoredOnceAndSubscriptionsChangeOnlyBetweenBillingPeriods() {
        RatingApiFixture.Reply created = api.post(
                BILLING + "plans",
                Map.of(
                        "code", "standard",
                        "currency", "EUR",
                        "minimum_commitment", "20",
                        "charges",
                                List.of(
                                        Map.of(
                                                "rating_type", "instance",
                                                "model", "graduated",
                                                "free_units", "10",
                                                "discount_percent", "10",
                                                "tiers",
                                                        List.of(
                                                                Map.of("up_to", "100", "unit_price", "0.05"),
                                                                Map.of(
                                                                        "up_to",
                                                                        "500",
                                                                        "unit_price",
                                                                        "0.04",
                                                                        "flat_fee",
                                                                        "1"),
                                                                Map.of("unit_price", "0.03"))),
                                        Map.of(
                                                "rating_type", "volume",
                                                "model", "volume",
                                                "tiers",
                                                        List.of(
                                                                Map.of("up_to", "1000", "unit_price", "0.001"),
                                                                Map.of("unit_price", "0.0008"))),
                                        Map.of(
                                                "rating_type",
                                                "image",
                                                "model",
                                                "package",
                                                "size",
                                                "1024",
                                                "package_price",
                                                "0.5"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post(
                                BILLING + "plans",
                                Map.of(
                                        "code", "standard",
                                        "currency", "EUR",
                                        "charges",
                                                List.of(Map.of(
                                                        "rating_type", "x", "model", "per_unit", "unit_price", "1"))))
                        .status())
                .isEqualTo(409);

        RatingApiFixture.Reply midMonth = api.post(
                BILLING + "subscriptions",
                Map.of("project_id", P1, "plan_code", "standard", "starts_at", "2026-11-15T00:00:00Z"));
        assertThat(midMonth.status()).isEqualTo(400);
        assertThat(midMonth.json().get("message").asText()).contains("starts_at");
        for (String project : List.of(P1, P2)) {
            RatingApiFixture.Reply subscribed = api.post(
                    BILLING + "subscriptions",
                    Map.of("project_id", project, "plan_code", "standard", "starts_at", "2026-11-01T00:00:00Z"));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        }
        assertThat(api.post(
                                BILLING + "subscriptions",
                                Map.of("project_id", P1, "plan_code", "standard", "starts_at", "2027-01-01T00:00:00Z"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    @Order(3)
    void theRunningChargePricesTheMonthsQuantitiesAndDrawsCreditsByPriority() {
        credit(P1, "10", 0, null);
        credit(P1, "30", 0, "2026-11-20T00:00:00Z"); // expires before the period is charged
        credit(P1, "5", 1, null);
        rated(P1, "2026-11-03T10:00:00", Map.of("instance", "400", "volume", "1000", "image", "2000"));
        rated(P1, "2026-11-20T10:00:00", Map.of("instance", "210", "volume", "500", "image", "1000"));
        rated(P2, "2026-11-03T10:00:00", Map.of("instance", "110"));

        JsonNode p1 = charge(P1, "2026-11");
        // instance 610, 10 free: 100 x 0.05 + 400 x 0.04 + 1 (flat fee) + 100 x 0.03 = 25.00, less 10%;
        // volume 1500 reaches the second tier: all at 0.0008; image 3000 MiB: 3 packages of 1024.
        assertThat(amounts(p1, "instance"))
                .containsExactly(
                        new BigDecimal("0.00"),
                        new BigDecimal("5.00"),
                        new BigDecimal("16.00"),
                        new BigDecimal("1.00"),
                        new BigDecimal("3.00"),
                        new BigDecimal("-2.50"));
        assertThat(amounts(p1, "volume")).containsExactly(new BigDecimal("1.20"));
        assertThat(amounts(p1, "image")).containsExactly(new BigDecimal("1.50"));
        assertThat(new BigDecimal(p1.get("subtotal").asText())).isEqualByComparingTo("25.20");
        // 10 (priority 0) then 5 (priority 1); the 30 has expired by the end of November.
        assertThat(p1.get("credits")).hasSize(2);
        assertThat(new BigDecimal(p1.get("total").asText())).isEqualByComparingTo("10.20");
        assertThat(p1.get("frozen").asBoolean()).isFalse();

        JsonNode p2 = charge(P2, "2026-11");
        // 110 instance hours, 10 free: exactly the first tier (no flat fee of the second), less 10%,
        // then trued up to the minimum commitment of 20.
        assertThat(amounts(p2, "instance"))
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("5.00"), new BigDecimal("-0.50"));
        assertThat(new BigDecimal(p2.get("subtotal").asText())).isEqualByComparingTo("4.50");
        assertThat(new BigDecimal(p2.get("total").asText())).isEqualByComparingTo("20.00");
        assertThat(p2.get("lines").get(p2.get("lines").size() - 1).get("kind").asText())
                .isEqualTo("minimum_true_up");
    }

    @Test
    @Order(4)
    void aFrozenChargeDrawsItsCreditsOnceAndNeverChanges() {
        RatingApiFixture.Reply early =
                api.post(BILLING + "charges/freeze", Map.of("project_id", P1, "period", "2026-11"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("message").asText()).contains("not rated to the end of 2026-11");

        api.post(
                "/v2/scope",
                Map.of(
                        "scope_id", P1,
                        "scope_key", "project_id",
                        "fetcher", "gnocchi",
                        "collector", "gnocchi",
                        "last_processed_timestamp", "2026-11-30T23:00:00+00:00"));
        RatingApiFixture.Reply frozen =
                api.post(BILLING + "charges/freeze", Map.of("project_id", P1, "period", "2026-11"));
        assertThat(frozen.status()).as(frozen.body()).isEqualTo(200);
        assertThat(frozen.json().get("frozen").asBoolean()).isTrue();
        assertThat(new BigDecimal(frozen.json().get("total").asText())).isEqualByComparingTo("10.20");
        assertThat(api.post(BILLING + "charges/freeze", Map.of("project_id", P1, "period", "2026-11"))
                        .json())
                .isEqualTo(frozen.json());

        rated(P1, "2026-11-30T10:00:00", Map.of("instance", "1000"));
        assertThat(charge(P1, "2026-11")).isEqualTo(frozen.json());

        List<BigDecimal> balances = new ArrayList<>();
        api.get(BILLING + "credits?project_id=" + P1)
                .json()
                .get("results")
                .forEach(credit ->
                        balances.add(new BigDecimal(credit.get("balance").asText())));
        assertThat(balances)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(BigDecimal.ZERO, new BigDecimal("30"), BigDecimal.ZERO);
        assertThat(api.delete(BILLING + "plans/standard").status()).isEqualTo(409);
    }

    @Test
    @Order(5)
    void aBudgetAlertCallsItsWebhookOncePerPeriodRetryingUntilItAnswers() throws Exception {
        java.util.List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger(1);
        com.sun.net.httpserver.HttpServer webhook =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/budget", exchange -> {
            calls.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        webhook.start();
        try {
            RatingApiFixture.Reply alert = api.post(
                    BILLING + "alerts",
                    Map.of(
                            "project_id",
                            P2,
                            "threshold",
                            "15",
                            "currency",
                            "EUR",
                            "webhook_url",
                            "http://127.0.0.1:" + webhook.getAddress().getPort() + "/budget"));
            assertThat(alert.status()).as(alert.body()).isEqualTo(201);
            assertThat(api.post(
                                    BILLING + "alerts",
                                    Map.of(
                                            "project_id",
                                            P2,
                                            "threshold",
                                            "-1",
                                            "currency",
                                            "EUR",
                                            "webhook_url",
                                            "ftp://x"))
                            .status())
                    .isEqualTo(400);

            charge(P2, "2026-11"); // 20.00 reaches 15: called, answers 500, not marked
            charge(P2, "2026-11"); // called again, answers 204: marked for November
            charge(P2, "2026-11"); // not called again
            assertThat(calls).hasSize(2);
            JsonNode sent = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readTree(calls.get(1));
            assertThat(sent.get("event_type").asText()).isEqualTo("meterflow.budget.threshold_reached");
            assertThat(sent.get("project_id").asText()).isEqualTo(P2);
            assertThat(sent.get("period").asText()).isEqualTo("2026-11");
            assertThat(new BigDecimal(sent.get("total").asText())).isEqualByComparingTo("20.00");
        } finally {
            webhook.stop(0);
        }
    }

    private static void credit(String project, String amount, int priority, String expiresAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "project_id",
                project,
                "amount",
                amount,
                "currency",
                "EUR",
                "effective_at",
                "2026-10-01T00:00:00Z",
                "priority",
                priority,
                "reason",
                "welcome credit"));
        if (expiresAt != null) {
            body.put("expires_at", expiresAt);
        }
        RatingApiFixture.Reply granted = api.post(BILLING + "credits", body);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    }

    /** One rated hour of a project: quantities by rating type (hashmap price 0). */
    private static void rated(String project, String begin, Map<String, String> quantities) {
        Map<String, Object> usage = new java.util.LinkedHashMap<>();
        quantities.forEach((type, qty) -> usage.put(
                type,
                List.of(Map.of(
                        "vol", Map.of("unit", "unit", "qty", qty),
                        "rating", Map.of("price", "0"),
                        "groupby", Map.of("id", type + "-1", "project_id", project),
                        "metadata", Map.of()))));
        String end = java.time.LocalDateTime.parse(begin).plusHours(1).toString();
        RatingApiFixture.Reply stored = api.post(
                "/v2/dataframes",
                Map.of("dataframes", List.of(Map.of("period", Map.of("begin", begin, "end", end), "usage", usage))));
        assertThat(stored.status()).as(stored.body()).isEqualTo(204);
    }

    private static JsonNode charge(String project, String period) {
        RatingApiFixture.Reply reply = api.get(BILLING + "charges?project_id=" + project + "&period=" + period);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<BigDecimal> amounts(JsonNode charge, String type) {
        List<BigDecimal> amounts = new ArrayList<>();
        charge.get("lines").forEach(line -> {
            if (type.equals(line.get("rating_type").asText(null))) {
                amounts.add(new BigDecimal(line.get("amount").asText()));
            }
        });
        return amounts;
    }
}
