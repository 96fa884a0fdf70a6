package io.meterflow.timeseries.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.split.SplitKey;
import io.meterflow.timeseries.storage.AggregateStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * On TimescaleDB the migrations make aggregate_split a hypertable and splits still round-trip.
 * Needs Docker (TimescaleDB has no Debian package and no embedded build); skipped without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class TimescaleHypertablesIT {

    @Container
    private static final PostgreSQLContainer TIMESCALE = new PostgreSQLContainer(
            DockerImageName.parse("timescale/timescaledb:latest-pg17").asCompatibleSubstituteFor("postgres"));

    @Test
    void migrationsTurnAggregateSplitIntoAHypertableThatStoresSplits() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TIMESCALE.getJdbcUrl());
        dataSource.setUser(TIMESCALE.getUsername());
        dataSource.setPassword(TIMESCALE.getPassword());
        Migrations.migrate(dataSource);

        try (Connection connection = DriverManager.getConnection(
                        TIMESCALE.getJdbcUrl(), TIMESCALE.getUsername(), TIMESCALE.getPassword());
                ResultSet hypertable = connection
                        .createStatement()
                        .executeQuery(
                                "SELECT 1 FROM timescaledb_information.hypertables WHERE hypertable_name = 'aggregate_split'")) {
            assertThat(hypertable.next()).as("aggregate_split is a hypertable").isTrue();

            UUID metricId = UUID.randomUUID();
            connection
                    .createStatement()
                    .execute("INSERT INTO archive_policy (name, back_window, definition, "
                            + "aggregation_methods) VALUES ('p', 0, '[]', '{mean}')");
            connection
                    .createStatement()
                    .execute("INSERT INTO metric (id, archive_policy_name, creator) VALUES ('" + metricId
                            + "', 'p', 'admin')");
            long granularity = 60_000_000_000L;
            SplitKey key = new SplitKey(metricId, "mean", granularity, 0);
            TimeSeries points = new TimeSeries(new long[] {0, granularity}, new double[] {1.5, 2.5});
            AggregateStore store = new AggregateStore();
            store.saveSplits(connection, Map.of(key, points));
            assertThat(store.loadSplits(connection, List.of(key))).containsEntry(key, points);
        }
    }
}
