package io.meterflow.timeseries.database;

import io.dropwizard.lifecycle.Managed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from Maven Central's binaries, for a first try on a machine with no
 * database: its data lives under the data directory, so it survives restarts. Durability
 * settings are restored (zonky turns fsync off for tests).
 */
public final class EmbeddedDatabase implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String DATABASE = "meterflow";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    public EmbeddedDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts the server (idempotent) and returns a JDBC URL of the Meterflow database. */
    public synchronized String startServer() throws IOException, SQLException {
        if (postgres == null) {
            Files.createDirectories(dataDirectory);
            LOG.info("Starting embedded PostgreSQL with data in {}", dataDirectory.toAbsolutePath());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            createDatabaseIfMissing();
        }
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                ResultSet exists = connection.createStatement()
                        .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                connection.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    @Override
    public synchronized void stop() throws IOException {
        if (postgres != null) {
            LOG.info("Stopping embedded PostgreSQL");
            postgres.close();
            postgres = null;
        }
    }
}
