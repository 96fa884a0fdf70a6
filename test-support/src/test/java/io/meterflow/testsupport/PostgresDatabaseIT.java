package io.meterflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@RealServices
class PostgresDatabaseIT {

    private static PostgresDatabase databaseOfBeforeAll;

    @BeforeAll
    static void createSchema(PostgresDatabase database) throws SQLException {
        databaseOfBeforeAll = database;
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE measure (
                        metric_id uuid NOT NULL,
                        observed_at timestamptz NOT NULL,
                        value double precision NOT NULL
                    )
                    """);
        }
    }

    @Test
    void connectsToItsOwnDatabase(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT current_database()")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo(database.databaseName()).startsWith("mf_test_");
        }
        assertThat(database.jdbcUrl()).contains("/" + database.databaseName()).doesNotContain("password");
    }

    @Test
    void keepsRowsInTheTableMadeBeforeAll(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO measure VALUES (gen_random_uuid(), now(), 42.5)");
            try (ResultSet result = statement.executeQuery("SELECT count(*), sum(value) FROM measure")) {
                result.next();
                assertThat(result.getLong(1)).isGreaterThanOrEqualTo(1);
                assertThat(result.getDouble(2)).isGreaterThanOrEqualTo(42.5);
            }
        }
    }

    @Test
    void handsTheSameDatabaseToEveryMethodOfTheClass(PostgresDatabase first, PostgresDatabase second) {
        assertThat(first).isEqualTo(second).isEqualTo(databaseOfBeforeAll);
    }

    @Nested
    class InANestedClass {

        @Test
        void seesTheTablesOfTheEnclosingClass(PostgresDatabase database) throws SQLException {
            assertThat(database).isEqualTo(databaseOfBeforeAll);
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT to_regclass('measure') IS NOT NULL")) {
                result.next();
                assertThat(result.getBoolean(1)).isTrue();
            }
        }
    }
}
