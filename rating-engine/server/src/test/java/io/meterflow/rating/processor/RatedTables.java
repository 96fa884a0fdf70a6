package io.meterflow.rating.processor;

import io.meterflow.testsupport.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** What the processor tests read straight from the rating tables, and how they wait for it. */
final class RatedTables {

    private RatedTables() {}

    static long count(PostgresDatabase database, String sql) {
        try (Connection c = database.connect();
                Statement statement = c.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(PostgresDatabase database, String sql) throws SQLException {
        try (Connection c = database.connect();
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The start of the scope's last rated period; empty before the first. */
    static Optional<Instant> lastProcessed(PostgresDatabase database, String scope) {
        try (Connection c = database.connect();
                PreparedStatement statement = c.prepareStatement(
                        "SELECT last_processed_timestamp FROM rating_scope_states WHERE scope_id = ?")) {
            statement.setString(1, scope);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp last = row.getTimestamp(1);
                return Optional.ofNullable(last).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitFor(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    static void deleteTree(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
