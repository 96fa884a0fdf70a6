package io.meterflow.timeseries.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.meterflow.embeddedkafka.EmbeddedKafkaBroker;
import io.meterflow.singlenode.EmbeddedKafkaOptions;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker stopped while the API takes writes, then started again on its data: the API
 * answers 503 with Retry-After for every write it could not hand to Kafka (never a 202), the
 * client's retries land after the restart, and in the end every measure is aggregated exactly once.
 * {@code METERFLOW_FAULT_OUTAGE_SECONDS} sets the outage (15 s here; bench/faults.sh runs a minute).
 */
@RealServices
class KafkaOutageIT {

    private static final int MEASURES = 600;

    @Test
    void writesDuringAnOutageAre503WithRetryAfterAndRetriesLandExactlyOnce(PostgresDatabase db) throws Exception {
        Duration outage = Duration.ofSeconds(
                Long.parseLong(System.getenv().getOrDefault("METERFLOW_FAULT_OUTAGE_SECONDS", "15")));
        Path data = Files.createTempDirectory("meterflow-kafka-outage");
        EmbeddedKafkaOptions ports = EmbeddedKafkaOptions.persistent(freePort(), freePort());
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, ports);
        ApiFixture api = ApiFixture.startAsConfigured(
                db,
                ConfigOverride.config("ingest.mode", "kafka"),
                ConfigOverride.config("ingest.bootstrapServers", broker.bootstrapServers()),
                ConfigOverride.config("ingest.partitions", "2"),
                ConfigOverride.config("ingest.commitIntervalMs", "100"),
                ConfigOverride.config("ingest.acknowledgeTimeoutMs", "2000"),
                ConfigOverride.config("ingest.refreshTimeoutMs", "60000"),
                ConfigOverride.config("sampleIngest.enabled", "false"),
                ConfigOverride.config(
                        "dataDir",
                        Files.createTempDirectory("meterflow-outage-api").toString()));
        try {
            GnocchiClient client = api.user("ceilometer");
            api.admin()
                    .createPolicy(Map.of(
                            "name", "second",
                            "aggregation_methods", List.of("count", "sum"),
                            "definition", List.of(Map.of("granularity", 1, "timespan", "1 day"))));
            String metric = client.createMetric("second");
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger refusedWithoutRetryAfter = new AtomicInteger();
            java.util.concurrent.atomic.AtomicReference<Instant> firstAcceptedAfterRefusal =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Instant base = Instant.parse("2024-01-15T00:00:00Z");

            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < MEASURES; i++) {
                    String body = "[{\"timestamp\": \"" + base.plusSeconds(i) + "\", \"value\": 1}]";
                    while (true) { // a client that honours 503 and Retry-After, as gnocchiclient's retries do
                        Reply reply = client.post("/v1/metric/" + metric + "/measures", body);
                        if (reply.status() == 202) {
                            if (refused.get() > 0) {
                                firstAcceptedAfterRefusal.compareAndSet(null, Instant.now());
                            }
                            accepted.incrementAndGet();
                            break;
                        }
                        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
                        refused.incrementAndGet();
                        if (reply.header("Retry-After") == null) {
                            refusedWithoutRetryAfter.incrementAndGet();
                        }
                        sleep(Duration.ofMillis(500));
                    }
                    sleep(Duration.ofMillis(20));
                }
            });
            awaitAtLeast(accepted, MEASURES / 4);
            broker.close();
            Instant stopped = Instant.now();
            int acceptedWhenStopped = accepted.get();
            sleep(outage);
            int acceptedDuringOutage = accepted.get() - acceptedWhenStopped;
            broker = EmbeddedKafkaBroker.start(data, ports);
            Instant restarted = Instant.now();
            Duration down = Duration.between(stopped, restarted);
            writer.get(5, TimeUnit.MINUTES);

            Reply counts =
                    client.get("/v1/metric/" + metric + "/measures?refresh=true&aggregation=count&granularity=1");
            Reply sums = client.get("/v1/metric/" + metric + "/measures?aggregation=sum&granularity=1");
            System.out.printf(
                    "[fault] Kafka down %d s: %d writes accepted, %d answered 503 (%d without Retry-After), "
                            + "%d accepted while down, first write accepted %d ms after the broker was back%n",
                    down.toSeconds(),
                    accepted.get(),
                    refused.get(),
                    refusedWithoutRetryAfter.get(),
                    acceptedDuringOutage,
                    Duration.between(restarted, firstAcceptedAfterRefusal.get()).toMillis());
            assertThat(acceptedDuringOutage)
                    .as("a 202 while the broker was down")
                    .isLessThanOrEqualTo(1);
            assertThat(refused.get())
                    .as("writes refused during the outage: one per ack timeout and retry pause")
                    .isGreaterThanOrEqualTo((int) (outage.toMillis() / 2500) - 1);
            assertThat(refusedWithoutRetryAfter.get()).isZero();
            assertThat(counts.status()).isEqualTo(200);
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
            broker.close();
        }
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
