package io.meterflow.timeseries.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The time-series service migrates under its own history table, and adopts the history of a
 * database migrated before it had one, so nothing is applied twice and another service's history
 * in Flyway's default table is left alone.
 */
@RealServices
class MigrationsIT {

    @Test
    void aDatabaseMigratedUnderTheSharedHistoryIsAdoptedWithoutReapplyingAnything(PostgresDatabase db)
            throws SQLException {
        Flyway.configure()
                .dataSource(db.dataSource())
                .locations(Migrations.LOCATION)
                .javaMigrations(new TimescaleHypertables(), new SmallerSplits())
                .load()
                .migrate();
        int applied = count(db, "SELECT count(*) FROM flyway_schema_history");
        execute(
                db,
                "INSERT INTO archive_policy (name, back_window, definition, aggregation_methods) "
                        + "VALUES ('kept', 0, '[]', '{mean}')");

        Migrations.migrate(db.dataSource());
        Migrations.migrate(db.dataSource()); // a second start finds its own table and changes nothing

        assertThat(count(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'flyway_schema_history'"))
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM " + Migrations.HISTORY_TABLE))
                .isEqualTo(applied);
        assertThat(count(db, "SELECT count(*) FROM archive_policy WHERE name = 'kept'"))
                .isEqualTo(1);
    }

    @Test
    void anotherServicesHistoryInFlywaysDefaultTableIsLeftAlone(PostgresDatabase db) throws SQLException {
        execute(
                db,
                "CREATE TABLE flyway_schema_history (installed_rank int, version text, description text, "
                        + "script text)");
        execute(db, "INSERT INTO flyway_schema_history VALUES (1, '1', 'rating', 'V1__rating.sql')");

        Migrations.migrate(db.dataSource());

        assertThat(count(db, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM " + Migrations.HISTORY_TABLE + " WHERE success"))
                .isGreaterThanOrEqualTo(7);
    }

    private static void execute(PostgresDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int count(PostgresDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
