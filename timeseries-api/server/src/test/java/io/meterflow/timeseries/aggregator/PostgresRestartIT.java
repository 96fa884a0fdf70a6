package io.meterflow.timeseries.aggregator;

import static io.meterflow.timeseries.aggregator.SteadyWriter.freePort;
import static io.meterflow.timeseries.aggregator.SteadyWriter.sleep;

import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
            String metric = KafkaOutageIT.secondsMetric(api, client);
            SteadyWriter writer = SteadyWriter.start(client, metric, MEASURES);
            writer.awaitAccepted(MEASURES / 4);
            postgres.close();
            Instant stopped = Instant.now();
            sleep(Duration.ofSeconds(10));
            postgres = start(data, port);
            Duration down = Duration.between(stopped, Instant.now());
            writer.finish();

            System.out.printf(
                    "[fault] PostgreSQL down %d s: %d writes accepted, refused by status %s (%d without Retry-After)%n",
                    down.toSeconds(), writer.accepted(), writer.refusals(), writer.refusedWithoutRetryAfter());
            writer.assertRetriedAfter503sOnly();
            writer.assertEachMeasureOnce(api, client, metric, MEASURES);
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
}
