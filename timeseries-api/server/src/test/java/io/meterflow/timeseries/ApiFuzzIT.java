package io.meterflow.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.testsupport.fuzz.FuzzRun;
import io.meterflow.testsupport.fuzz.JsonFuzz;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at the Gnocchi API: valid requests of each kind with their JSON mutated or damaged,
 * and query strings and timestamps from generators of the values that break parsers. Whatever the
 * input, the API answers below 500, and a request it refuses changes nothing it stores (every
 * stored row's count and transaction ids compared before and after). Each target runs on a time
 * budget ({@link FuzzRun}); {@code METERFLOW_FUZZ_SECONDS} runs them longer by hand.
 */
@RealServices
class ApiFuzzIT {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final List<String> TABLES = List.of(
            "archive_policy",
            "archive_policy_rule",
            "resource_type",
            "resource",
            "resource_history",
            "metric",
            "metric_unaggregated",
            "metric_unaggregated_slice",
            "aggregate_split");

    private static ApiFixture api;
    private static GnocchiClient admin;
    private static String metric;
    private static String resource;
    /** One connection for the fingerprints: a new one per request cost more than the request. */
    private static Connection database;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        database = db.connect();
        admin = api.admin();
        metric = admin.createMetric("low");
        resource = UUID.randomUUID().toString();
        Reply created = admin.post(
                "/v1/resource/generic",
                Map.of(
                        "id",
                        resource,
                        "project_id",
                        UUID.randomUUID().toString(),
                        "metrics",
                        Map.of("cpu", Map.of("archive_policy_name", "low"))));
        assertThat(created.status()).isEqualTo(201);
        admin.addMeasures(metric, "2024-01-15T10:00:00", 1);
    }

    @AfterAll
    static void stop() throws SQLException {
        database.close();
        api.close();
    }

    @Test
    void measuresBodies() {
        JsonNode valid = json("""
                [{"timestamp": "2024-01-15T10:00:05", "value": 4},
                 {"timestamp": 1705312900.5, "value": -1.5e3}]""");
        fuzz(
                "POST /v1/metric/{id}/measures",
                random -> admin.post("/v1/metric/" + metric + "/measures", body(valid, random)));
    }

    @Test
    void batchBodies() {
        JsonNode byMetric = json("{\"" + metric + "\": [{\"timestamp\": \"2024-01-15T10:00:05\", \"value\": 4}]}");
        JsonNode byResource = json(
                "{\"" + resource
                        + "\": {\"cpu\": {\"archive_policy_name\": \"low\", \"measures\": [{\"timestamp\": \"2024-01-15T10:00:05\", \"value\": 4}]}}}");
        fuzz(
                "POST /v1/batch/{metrics,resources/metrics}/measures",
                random -> random.nextBoolean()
                        ? admin.post("/v1/batch/metrics/measures", body(byMetric, random))
                        : admin.post(
                                "/v1/batch/resources/metrics/measures?create_metrics=" + random.nextBoolean(),
                                body(byResource, random)));
    }

    @Test
    void measureQueriesAndTimestamps() {
        fuzz("GET /v1/metric/{id}/measures?...", random -> {
            StringBuilder query = new StringBuilder("?");
            for (String name : List.of("start", "stop", "aggregation", "granularity", "resample", "refresh", "fill")) {
                if (random.nextInt(3) == 0) {
                    query.append(name).append('=').append(encoded(random)).append('&');
                }
            }
            return admin.get("/v1/metric/" + metric + "/measures" + query);
        });
    }

    @Test
    void resourceBodies() {
        JsonNode valid = json("""
                {"id": "fuzz-resource", "project_id": "8d8b0e1b-3c3e-4d6a-9a5e-000000000001",
                 "user_id": "u", "started_at": "2024-01-15T10:00:00", "ended_at": null,
                 "metrics": {"cpu": {"archive_policy_name": "low"}}}""");
        fuzz("POST /v1/resource/generic", random -> {
            JsonNode body = JsonFuzz.mutate(valid, random);
            if (body.isObject() && random.nextBoolean()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) body)
                        .put("id", UUID.randomUUID().toString());
            }
            return admin.post("/v1/resource/generic", body.toString());
        });
    }

    @Test
    void searchBodiesAndFilters() {
        JsonNode valid = json("""
                {"and": [{"=": {"project_id": "8d8b0e1b-3c3e-4d6a-9a5e-000000000001"}},
                         {">=": {"started_at": "2024-01-15T10:00:00"}},
                         {"like": {"user_id": "u%"}},
                         {"in": {"id": ["a", "b"]}}]}""");
        fuzz(
                "POST /v1/search/resource/generic",
                random -> random.nextInt(4) == 0
                        ? admin.post("/v1/search/resource/generic?filter=" + encoded(random), "")
                        : admin.post("/v1/search/resource/generic?limit=" + encoded(random), body(valid, random)));
    }

    @Test
    void aggregatesOperations() {
        String operations = "(aggregate mean (resample max 3600 (metric " + metric + " mean)))";
        fuzz("POST /v1/aggregates", random -> {
            String text = random.nextBoolean()
                    ? JsonFuzz.damage(operations, random)
                    : operations.replace("3600", JsonFuzz.string(random));
            JsonNode body = json("{}");
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("operations", text);
            String query = "?granularity=" + encoded(random) + "&start=" + encoded(random);
            return admin.post("/v1/aggregates" + (random.nextBoolean() ? query : ""), body(body, random));
        });
    }

    @Test
    void archivePolicyBodies() {
        JsonNode valid = json("""
                {"name": "fuzz", "back_window": 0, "aggregation_methods": ["mean", "max", "-min", "rate:last"],
                 "definition": [{"granularity": "1s", "timespan": "1 hour"}, {"points": 48, "timespan": "1 day"}]}""");
        fuzz("POST /v1/archive_policy", random -> {
            JsonNode body = JsonFuzz.mutate(valid, random);
            if (body.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("name", "fuzz-" + UUID.randomUUID());
            }
            return admin.post("/v1/archive_policy", body.toString());
        });
    }

    /**
     * Found by {@link #resourceBodies}: a NUL character in a string reached PostgreSQL, which
     * refuses it in text, and the API answered 500. Now a 400 in Gnocchi's invalid-input shape,
     * wherever the string is, and for {@code %00} in a path or query.
     */
    @Test
    void nulCharactersAreRefusedAsInvalidInput() {
        Reply inPolicyName = admin.post(
                "/v1/resource/generic",
                "{\"id\": \"" + UUID.randomUUID()
                        + "\", \"metrics\": {\"cpu\": {\"archive_policy_name\": \"\\u0000\"}}}");
        assertThat(inPolicyName.status()).isEqualTo(400);
        assertThat(inPolicyName.description().path("cause").asText()).isEqualTo("Invalid input");
        assertThat(inPolicyName.description().path("detail").toString())
                .isEqualTo("[\"metrics\",\"cpu\",\"archive_policy_name\"]");

        assertThat(admin.post("/v1/archive_policy", "{\"name\": \"a\\u0000b\", \"definition\": []}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.get("/v1/resource/generic/%00").status()).isEqualTo(400);
        assertThat(admin.get("/v1/metric/" + metric + "/measures?start=%00").status())
                .isEqualTo(400);
    }

    /**
     * Found by {@link #archivePolicyBodies} in CI: an integer field beyond a 64-bit long (Python's
     * ints have no bound) threw NumberFormatException, a 500. Now Gnocchi's invalid-input shape.
     */
    @Test
    void integersBeyondALongAreRefusedAsInvalidInput() {
        for (String backWindow : List.of("\"9223372036854775808\"", "9223372036854775808", "1e30")) {
            Reply reply = admin.post(
                    "/v1/archive_policy",
                    "{\"name\": \"huge-" + UUID.randomUUID() + "\", \"back_window\": " + backWindow
                            + ", \"definition\": [{\"granularity\": \"1s\", \"timespan\": \"1 hour\"}]}");
            assertThat(reply.status()).as(backWindow).isEqualTo(400);
            assertThat(reply.description().path("reason").asText())
                    .as(backWindow)
                    .startsWith("value must be at most");
        }
    }

    /** A request of the target's kind: below 500 always, and a refused one stores nothing. */
    private interface Request {
        Reply send(Random random);
    }

    private static void fuzz(String target, Request request) {
        FuzzRun.Report report = FuzzRun.run(target, BUDGET, random -> {
            String before = fingerprint();
            Reply reply = request.send(random);
            assertThat(reply.status())
                    .as("%s answered %s", target, reply.body())
                    .isLessThan(500);
            if (reply.status() >= 400) {
                assertThat(fingerprint())
                        .as("a refused request changed what is stored: %s", reply.body())
                        .isEqualTo(before);
            }
        });
        assertThat(report.inputs()).isPositive();
    }

    private static String body(JsonNode valid, Random random) {
        return random.nextInt(4) == 0
                ? JsonFuzz.damage(valid.toString(), random)
                : JsonFuzz.mutate(valid, random).toString();
    }

    private static String encoded(Random random) {
        return URLEncoder.encode(JsonFuzz.string(random), StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        try {
            return GnocchiClient.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Rows and the transactions that last wrote them, per table: any insert, update or delete changes it. */
    private static String fingerprint() {
        StringBuilder query = new StringBuilder("SELECT ");
        for (int i = 0; i < TABLES.size(); i++) {
            String table = TABLES.get(i);
            query.append(i == 0 ? "" : " || '/' || ")
                    .append("(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM ")
                    .append(table)
                    .append(')');
        }
        try (Statement statement = database.createStatement();
                ResultSet row = statement.executeQuery(query.toString())) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
