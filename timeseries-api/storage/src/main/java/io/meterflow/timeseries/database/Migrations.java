package io.meterflow.timeseries.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the time-series schema to the version this build expects. The time-series service has
 * its own migration location and history table, so services that share one database (the
 * all-in-one, or a small deployment) migrate independently and none of them runs, or fails on,
 * another's scripts (docs/services.md).
 */
public final class Migrations {

    /** Where the scripts are: a service's own folder, never Flyway's shared default. */
    public static final String LOCATION = "classpath:db/timeseries";
    /** Flyway's history of this service's migrations. */
    public static final String HISTORY_TABLE = "timeseries_schema_history";
    /** The history table of databases migrated before each service had its own. */
    static final String SHARED_HISTORY_TABLE = "flyway_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    /** This service's Flyway, stopped at {@code target} if not null (tests of one migration). */
    public static FluentConfiguration configuration(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .javaMigrations(new TimescaleHypertables(), new SmallerSplits());
    }

    public static void migrate(DataSource dataSource) {
        adoptSharedHistory(dataSource);
        var result = configuration(dataSource).load().migrate();
        LOG.info(
                "Database schema at version {} ({} migrations applied)",
                result.targetSchemaVersion,
                result.migrationsExecuted);
        warnWithoutAutovacuum(dataSource);
    }

    /**
     * A database migrated before this service had its own history table keeps the time-series
     * history in Flyway's default table: rename it, once, so nothing is re-applied. Under an
     * advisory lock, as several instances may start at once.
     */
    static void adoptSharedHistory(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext('meterflow.timeseries.migrations'))");
                if (exists(statement, HISTORY_TABLE)
                        || !exists(statement, SHARED_HISTORY_TABLE)
                        || !holdsTimeseriesHistory(statement)) {
                    connection.rollback();
                    return;
                }
                statement.execute("ALTER TABLE " + SHARED_HISTORY_TABLE + " RENAME TO " + HISTORY_TABLE);
                statement.execute("ALTER INDEX IF EXISTS " + SHARED_HISTORY_TABLE + "_s_idx RENAME TO " + HISTORY_TABLE
                        + "_s_idx");
                connection.commit();
                LOG.info("Time-series migration history moved from {} to {}", SHARED_HISTORY_TABLE, HISTORY_TABLE);
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the time-series migration history", e);
        }
    }

    private static boolean exists(Statement statement, String table) throws SQLException {
        try (ResultSet found = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            return found.next() && found.getBoolean(1);
        }
    }

    private static boolean holdsTimeseriesHistory(Statement statement) throws SQLException {
        try (ResultSet found = statement.executeQuery(
                "SELECT 1 FROM " + SHARED_HISTORY_TABLE + " WHERE script = 'V1__timeseries_core.sql'")) {
            return found.next();
        }
    }

    /**
     * Searches and metric lookups are planned from table statistics that only autovacuum keeps
     * current. Measured on a server with autovacuum off: after 100,000 resources were created,
     * a search waited 220 ms on a metric lookup planned as a sequential scan, and 14 ms after one
     * ANALYZE. Meterflow does not take over the operator's vacuum policy, but says so loudly.
     */
    private static void warnWithoutAutovacuum(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery("SELECT current_setting('autovacuum')")) {
            if (setting.next() && !"on".equals(setting.getString(1))) {
                LOG.warn("PostgreSQL runs with autovacuum off: table statistics go stale as resources and "
                        + "metrics are added, and searches slow down by orders of magnitude; turn it on or "
                        + "run ANALYZE regularly");
            }
        } catch (SQLException e) {
            LOG.debug("Could not read the autovacuum setting", e);
        }
    }
}
