package io.meterflow.embeddedpostgres;

import io.meterflow.singlenode.LocalPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from Maven Central's binaries, for a first try on a machine with no
 * database: its data lives under the data directory, so it survives restarts. Durability
 * settings are restored (zonky turns fsync off for tests).
 */
public final class EmbeddedPostgresServer implements LocalPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /** Starts a server on {@code dataDirectory} (on any free port) and creates {@code database} if missing. */
    public static EmbeddedPostgresServer start(Path dataDirectory, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try {
            Files.createDirectories(dataDirectory);
            LOG.info("Starting embedded PostgreSQL with data in {}", dataDirectory.toAbsolutePath());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            createDatabaseIfMissing(postgres, database);
            return new EmbeddedPostgresServer(postgres, database);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on " + dataDirectory, e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "embedded PostgreSQL started but database " + database + " could not be created", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery();
                    Statement create = connection.createStatement()) {
                if (!found.next()) {
                    create.execute("CREATE DATABASE " + database); // a plain name, checked above
                }
            }
        }
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", database);
    }

    @Override
    public void close() {
        LOG.info("Stopping embedded PostgreSQL");
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
