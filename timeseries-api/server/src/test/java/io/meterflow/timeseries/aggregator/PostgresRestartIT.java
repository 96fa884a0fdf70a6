package io.meterflow.timeseries.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted (its own server, on its data, same port) while the API takes writes and the
 * aggregator folds them: the API answers 503 with Retry-After while the database is away, the
 * aggregator's failed commits are replayed from Kafka, and every measure is aggregated exactly
 * once: aggregator_progress is written with the aggregates, so a fold that never committed is
 * folded again and one that did is not.
 */
@RealServices
class PostgresRestartIT {

    private static final int MEASURES = 600;

    @Test
    void nothingLostNothingDoubledAcrossARestartOfTheDatabase(KafkaBroker kafka) throws Exception {
        Path data = Files.createTempDirectory("meterflow-pg-restart");
        int port = freePort();
        EmbeddedPostgres postgres = start(data, port);
        PostgresDatabase db =
                new PostgresDatabase("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "", "postgres");
        ApiFixture api = ApiFixture.startAsConfigured(db, KafkaMode.on(kafka, "pg-restart", true));
        try {
            GnocchiClient client = api.user("ceilometer");
            api.admin()
                    .createPolicy(Map.of(
                            "name", "second",
                            "aggregation_methods", List.of("count", "sum"),
                            "definition", List.of(Map.of("granularity", 1, "timespan", "1 day"))));
            String metric = client.createMetric("second");
            AtomicInteger accepted = new AtomicInteger();
            Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
            AtomicInteger withoutRetryAfter = new AtomicInteger();
            Instant base = Instant.parse("2024-01-15T00:00:00Z");
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < MEASURES; i++) {
                    String body = "[{\"timestamp\": \"" + base.plusSeconds(i) + "\", \"value\": 1}]";
                    while (true) {
                        Reply reply = client.post("/v1/metric/" + metric + "/measures", body);
                        if (reply.status() == 202) {
                            accepted.incrementAndGet();
                            break;
                        }
                        refusals.merge(reply.status(), 1, Integer::sum);
                        if (reply.header("Retry-After") == null) {
                            withoutRetryAfter.incrementAndGet();
                        }
                        sleep(Duration.ofMillis(500));
                    }
                    sleep(Duration.ofMillis(20));
                }
            });
            awaitAtLeast(accepted, MEASURES / 4);
            postgres.close();
            Instant stopped = Instant.now();
            sleep(Duration.ofSeconds(10));
            postgres = start(data, port);
            Duration down = Duration.between(stopped, Instant.now());
            writer.get(5, TimeUnit.MINUTES);

            Reply counts =
                    client.get("/v1/metric/" + metric + "/measures?refresh=true&aggregation=count&granularity=1");
            Reply sums = client.get("/v1/metric/" + metric + "/measures?aggregation=sum&granularity=1");
            System.out.printf(
                    "[fault] PostgreSQL down %d s: %d writes accepted, refused by status %s (%d without Retry-After)%n",
                    down.toSeconds(), accepted.get(), new TreeMap<>(refusals), withoutRetryAfter.get());
            assertThat(refusals.keySet())
                    .as("statuses while the database was away")
                    .containsOnly(503);
            assertThat(withoutRetryAfter.get()).isZero();
            assertThat(counts.header("X-Meterflow-Refresh")).isEqualTo("folded");
            assertThat(counts.points()).hasSize(MEASURES).allMatch(point -> point.value() == 1.0);
            assertThat(sums.points().stream()
                            .mapToDouble(GnocchiClient.Point::value)
                            .sum())
                    .isEqualTo(MEASURES);
            assertThat(api.admin()
                            .get("/v1/status")
                            .json()
                            .at("/dead_letters/measures/records")
                            .asLong())
                    .isZero();
        } finally {
            api.close();
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static void awaitAtLeast(AtomicInteger counter, int value) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (counter.get() < value && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
