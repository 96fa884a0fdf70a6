package io.meterflow.timeseries.aggregator;

import static io.meterflow.timeseries.aggregator.SteadyWriter.freePort;
import static io.meterflow.timeseries.aggregator.SteadyWriter.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.meterflow.embeddedkafka.EmbeddedKafkaBroker;
import io.meterflow.singlenode.EmbeddedKafkaOptions;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker stopped while the API takes writes, then started again on its data: the API
 * answers 503 with Retry-After for every write it could not hand to Kafka (never a 202), the
 * client's retries land after the restart, and in the end every measure is aggregated exactly once.
 * {@code METERFLOW_FAULT_OUTAGE_SECONDS} sets the outage (15 s by default; a minute by hand).
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
            String metric = secondsMetric(api, client);
            SteadyWriter writer = SteadyWriter.start(client, metric, MEASURES);
            writer.awaitAccepted(MEASURES / 4);
            broker.close();
            Instant stopped = Instant.now();
            int acceptedWhenStopped = writer.accepted();
            // A batch of two metrics is a Kafka transaction: its commit times out in the outage.
            String other = client.createMetric("second");
            String batch = "{\"" + metric + "\": [{\"timestamp\": \"2024-01-15T12:00:00\", \"value\": 1}], \"" + other
                    + "\": [{\"timestamp\": \"2024-01-15T12:00:00\", \"value\": 1}]}";
            assertThat(client.post("/v1/batch/metrics/measures", batch).status())
                    .isEqualTo(503);
            // The status page asks Kafka for the backlog: without it, a 503 to retry, not a 500.
            GnocchiClient.Reply status = api.admin().get("/v1/status");
            assertThat(status.status()).as("/v1/status without Kafka").isEqualTo(503);
            assertThat(status.header("Retry-After")).isNotNull();
            sleep(outage);
            int acceptedDuringOutage = writer.accepted() - acceptedWhenStopped;
            broker = EmbeddedKafkaBroker.start(data, ports);
            Instant restarted = Instant.now();
            writer.finish();
            // A producer whose commit timed out refuses everything until replaced (found by
            // fault-soak.sh: no batch was accepted after the broker came back).
            int batchStatus = 0;
            for (int attempt = 0; attempt < 30 && batchStatus != 202; attempt++) {
                batchStatus = client.post("/v1/batch/metrics/measures", batch).status();
                sleep(Duration.ofSeconds(1));
            }
            assertThat(batchStatus).as("a batch after the broker was back").isEqualTo(202);

            System.out.printf(
                    "[fault] Kafka down %d s: %d writes accepted, refused by status %s (%d without Retry-After), "
                            + "%d accepted while down, first write accepted %d ms after the broker was back%n",
                    Duration.between(stopped, restarted).toSeconds(),
                    writer.accepted(),
                    writer.refusals(),
                    writer.refusedWithoutRetryAfter(),
                    acceptedDuringOutage,
                    Duration.between(restarted, writer.firstAcceptedAfterRefusal())
                            .toMillis());
            assertThat(acceptedDuringOutage)
                    .as("a 202 while the broker was down")
                    .isLessThanOrEqualTo(1);
            // Refused within the ack timeout, again and again, rather than held through the outage
            // (before max.block.ms was bounded, one request waited the whole minute).
            assertThat(writer.refused()).as("writes refused during the outage").isGreaterThanOrEqualTo(2);
            writer.assertRetriedAfter503sOnly();
            assertThat(client.measures(other, "refresh=true&aggregation=count")).hasSize(1);
            writer.assertEachMeasureOnce(api, client, metric, MEASURES + 1);
        } finally {
            api.close();
            broker.close();
        }
    }

    /** A metric with one point a second, counted and summed. */
    static String secondsMetric(ApiFixture api, GnocchiClient client) {
        api.admin()
                .createPolicy(Map.of(
                        "name", "second",
                        "aggregation_methods", List.of("count", "sum"),
                        "definition", List.of(Map.of("granularity", 1, "timespan", "1 day"))));
        return client.createMetric("second");
    }
}
