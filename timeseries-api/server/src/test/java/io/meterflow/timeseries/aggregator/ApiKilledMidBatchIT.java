package io.meterflow.timeseries.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the API while it appends a batch of many metrics to Kafka: the client gets an error
 * (or, had the batch been committed just before, a 202), and the batch is in the aggregates whole
 * or not at all, never half. The client's retry then lands it exactly once.
 */
@RealServices
class ApiKilledMidBatchIT {

    private static final int METRICS = 200;
    private static final int MEASURES_PER_METRIC = 60;
    private static final int TRIALS = 2;

    @Test
    void aBatchLandsWholeOrNotAtAllAndTheRetryLandsItOnce(PostgresDatabase db, KafkaBroker kafka) throws Exception {
        ApiFixture reader = ApiFixture.startAsConfigured(db, KafkaMode.on(kafka, "killed", true));
        GnocchiClient admin = reader.admin();
        admin.createPolicy(Map.of(
                "name", "second",
                "aggregation_methods", List.of("count"),
                "definition", List.of(Map.of("granularity", 1, "timespan", "1 day"))));
        List<String> metrics = new ArrayList<>();
        for (int i = 0; i < METRICS; i++) {
            metrics.add(admin.createMetric("second"));
        }
        String topic = KafkaMode.measuresTopic(kafka, "killed");
        HttpClient http = HttpClient.newHttpClient();
        try (Admin kafkaAdmin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            for (int trial = 0; trial < TRIALS; trial++) {
                Instant base = Instant.parse("2024-01-15T00:00:00Z").plusSeconds(3600L * trial);
                String batch = batch(metrics, base);
                ApiProcess api = ApiProcess.start("killed-" + trial, db, kafka, "killed");
                long before = endOffsets(kafkaAdmin, topic);
                CompletableFuture<HttpResponse<String>> request =
                        http.sendAsync(batchRequest(api, batch), HttpResponse.BodyHandlers.ofString());
                // Killed as soon as the batch's first records are in the log, before its commit.
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (endOffsets(kafkaAdmin, topic) == before && !request.isDone() && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                api.kill();
                String answer;
                try {
                    answer = "HTTP " + request.get(30, TimeUnit.SECONDS).statusCode();
                } catch (java.util.concurrent.ExecutionException error) {
                    answer = "error " + error.getCause().getClass().getSimpleName();
                }

                // The broker aborts the dead process's transaction after its timeout (10 s).
                int landed = landedAfterAbortTimeout(reader.user("admin"), metrics, base);
                System.out.printf(
                        "[fault] trial %d: API killed mid-batch, client got %s, metrics landed before the retry: %d of %d%n",
                        trial, answer, landed, METRICS);
                assertThat(landed).as("half a batch").isIn(0, METRICS);
                if (answer.startsWith("HTTP")) {
                    assertThat(answer).isEqualTo("HTTP 202");
                    assertThat(landed).isEqualTo(METRICS);
                }

                try (ApiProcess retried = ApiProcess.start("killed-retry-" + trial, db, kafka, "killed")) {
                    HttpResponse<String> retry =
                            http.send(batchRequest(retried, batch), HttpResponse.BodyHandlers.ofString());
                    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
                }
                for (String metric : metrics) {
                    assertThat(reader.user("admin")
                                    .measures(
                                            metric,
                                            "refresh=true&aggregation=count&start=" + base + "&stop="
                                                    + base.plusSeconds(MEASURES_PER_METRIC)))
                            .as("metric %s after the retry", metric)
                            .hasSize(MEASURES_PER_METRIC)
                            .allMatch(point -> point.value() == 1.0);
                }
            }
        } finally {
            reader.close();
        }
    }

    private static HttpRequest batchRequest(ApiProcess api, String batch) {
        return HttpRequest.newBuilder(api.baseUri().resolve("/v1/batch/metrics/measures"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(batch))
                .build();
    }

    private static String batch(List<String> metrics, Instant base) {
        StringBuilder json = new StringBuilder("{");
        for (int m = 0; m < metrics.size(); m++) {
            json.append(m == 0 ? "" : ",").append('"').append(metrics.get(m)).append("\": [");
            for (int i = 0; i < MEASURES_PER_METRIC; i++) {
                json.append(i == 0 ? "" : ",")
                        .append("{\"timestamp\": \"")
                        .append(base.plusSeconds(i))
                        .append("\", \"value\": ")
                        .append(i)
                        .append('}');
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    /** How many of the metrics have any of the batch's measures once nothing can be pending any more. */
    private static int landedAfterAbortTimeout(GnocchiClient client, List<String> metrics, Instant base)
            throws InterruptedException {
        Thread.sleep(12_000);
        int landed = 0;
        for (String metric : metrics) {
            if (!client.measures(
                            metric,
                            "refresh=true&aggregation=count&start=" + base + "&stop="
                                    + base.plusSeconds(MEASURES_PER_METRIC))
                    .isEmpty()) {
                landed++;
            }
        }
        return landed;
    }

    private static long endOffsets(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions =
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream()
                .mapToLong(info -> info.offset())
                .sum();
    }
}
