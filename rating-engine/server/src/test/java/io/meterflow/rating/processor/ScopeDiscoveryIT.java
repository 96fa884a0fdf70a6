package io.meterflow.rating.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.rating.collect.KeystoneProjectDirectory;
import io.meterflow.rating.collect.KeystoneScopeFetcher;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.database.RatingMigrations;
import io.meterflow.rating.dataframes.RatedDataStore;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A pass whose scope discovery fails (Keystone out of reach) is not lost: the failure is counted
 * and logged, and the scopes already known (stored and active) are rated.
 */
@RealServices
class ScopeDiscoveryIT {

    private static final Instant FIRST = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void keystoneOutOfReachRatesTheScopesKnownAndCountsTheFailure(PostgresDatabase db) throws Exception {
        RatingMigrations.migrate(db.dataSource());
        Jdbc jdbc = new Jdbc(db.dataSource());
        jdbc.inTransaction(c -> {
            Jdbc.update(
                    c,
                    "INSERT INTO rating_scope_states (scope_id, scope_key, fetcher, collector, active)"
                            + " VALUES ('known', 'project_id', 'keystone', 'gnocchi', true),"
                            + " ('inactive', 'project_id', 'keystone', 'gnocchi', false)");
            return null;
        });
        Clock clock = Clock.fixed(FIRST.plus(Duration.ofHours(5)), ZoneOffset.UTC);
        ScopeProcessor scopes = new ScopeProcessor(
                jdbc,
                (scope, begin, end) -> Map.of(),
                new RatedDataStore(jdbc, new ObjectMapper(), "project_id"),
                new ProcessorSettings(Duration.ofHours(1), 1, Optional.of(FIRST)),
                clock,
                new ScopeProcessor.ScopeIdentity("project_id", "keystone", "gnocchi"));
        KeystoneScopeFetcher unreachable = new KeystoneScopeFetcher(new KeystoneScopeFetcher.Selection.AllEnabled(
                new KeystoneProjectDirectory(URI.create("http://127.0.0.1:1/v3"), "u", "p", "service", "Default")));
        MetricRegistry metrics = new MetricRegistry();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            Processor processor = new Processor(
                    unreachable,
                    scopes,
                    () -> (scope, start, usage) -> usage,
                    jdbc,
                    workers,
                    (scope, periods) -> {},
                    metrics);

            Processor.PassResult pass = processor.runPass(() -> true, Processor.Progress.NONE);

            assertThat(pass.scopes()).isEqualTo(1);
            assertThat(pass.periods()).isEqualTo(5); // 00:00 .. 04:00, each ended one period before 05:00
            assertThat(metrics.counter("rating.processor.scope_discovery_failures")
                            .getCount())
                    .isEqualTo(1);
            List<String> rated = jdbc.inTransaction(c -> Jdbc.list(
                    c,
                    "SELECT scope_id FROM rating_scope_states WHERE last_processed_timestamp IS NOT NULL",
                    row -> row.getString(1)));
            assertThat(rated).containsExactly("known");
        } finally {
            workers.shutdownNow();
        }
    }
}
