package io.meterflow.embeddedpostgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.singlenode.SingleNodePostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SingleNodePostgresIT {

    @Test
    void withNoUrlAServerStartsFromTheClassPathAndKeepsItsDataAcrossRestarts() throws Exception {
        Path data = Files.createTempDirectory("meterflow-pg-");
        try (SingleNodePostgres first = SingleNodePostgres.resolve("", data, "meterflow_it")) {
            assertThat(first.startedHere()).isTrue();
            try (Connection connection = DriverManager.getConnection(first.jdbcUrl());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (value int)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }
        }
        try (SingleNodePostgres second = SingleNodePostgres.resolve(" ", data, "meterflow_it");
                Connection connection = DriverManager.getConnection(second.jdbcUrl());
                ResultSet kept = connection.createStatement().executeQuery("SELECT value FROM kept")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void aConfiguredUrlIsUsedAsItIs() {
        try (SingleNodePostgres configured =
                SingleNodePostgres.resolve("jdbc:postgresql://db:5432/m?user=u", Path.of("unused"), "meterflow")) {
            assertThat(configured.startedHere()).isFalse();
            assertThat(configured.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/m?user=u");
        }
    }
}
