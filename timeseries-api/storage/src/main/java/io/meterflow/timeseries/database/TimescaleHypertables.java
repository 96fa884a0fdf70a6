package io.meterflow.timeseries.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema version 2: where the TimescaleDB extension is installed, {@code aggregate_split} becomes a
 * hypertable partitioned by {@code split_start} in week-long chunks, so old splits sit in old
 * chunks and range scans touch recent chunks only. On plain PostgreSQL this version changes
 * nothing: the split layout works the same without it.
 *
 * <p>Not used: TimescaleDB compression (splits are already compact binary) and drop_chunks
 * retention (retention differs per granularity of each archive policy, so it stays in code).
 */
public final class TimescaleHypertables extends NumberedJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(TimescaleHypertables.class);
    /** One week in nanoseconds, the unit of {@code split_start}. */
    private static final long CHUNK_INTERVAL = 7L * 24 * 3600 * 1_000_000_000L;

    public TimescaleHypertables() {
        super(2, "timescaledb hypertable where available");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!extensionAvailable(connection)) {
            LOG.info("TimescaleDB is not installed on this server: using plain PostgreSQL tables");
            return;
        }
        Savepoint beforeExtension = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
        } catch (SQLException notAllowed) {
            // Installed but not creatable by this role: carry on without it rather than refuse to start.
            connection.rollback(beforeExtension);
            LOG.warn(
                    "TimescaleDB is installed but could not be enabled ({}); using plain PostgreSQL tables",
                    notAllowed.getMessage());
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT create_hypertable('aggregate_split', 'split_start', chunk_time_interval => "
                    + CHUNK_INTERVAL + "::bigint, migrate_data => true)");
        }
        LOG.info("TimescaleDB enabled: aggregate_split is a hypertable on split_start");
    }

    static boolean extensionAvailable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'")) {
            return row.next();
        }
    }
}
