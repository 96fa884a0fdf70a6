package io.meterflow.timeseries;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.meterflow.testsupport.PostgresDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The whole time-series API, started from its packaged configuration on a test class's own
 * database. One per test class: start it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 */
public final class ApiFixture implements AutoCloseable {

    private final DropwizardAppExtension<TimeseriesConfiguration> app;
    private final PostgresDatabase database;
    private final URI baseUri;

    private ApiFixture(DropwizardAppExtension<TimeseriesConfiguration> app, PostgresDatabase database) {
        this.app = app;
        this.database = database;
        this.baseUri = URI.create("http://127.0.0.1:" + app.getLocalPort());
    }

    /**
     * Starts the API on {@code database} in the direct ingest mode; {@code settings} override keys of
     * meterflow-timeseries.yml.
     */
    public static ApiFixture start(PostgresDatabase database, ConfigOverride... settings) throws Exception {
        // Dropwizard keeps the first override of a key: the caller's settings go first.
        List<ConfigOverride> all = new ArrayList<>(List.of(settings));
        // Both modes fold with the same code; the Kafka path has its own tests (aggregator package),
        // and a broker per test class would add seconds to each.
        all.add(ConfigOverride.config("ingest.mode", "direct"));
        return startAsConfigured(database, all.toArray(ConfigOverride[]::new));
    }

    /** Starts the API with only {@code settings} changed from the packaged configuration (Kafka mode tests). */
    public static ApiFixture startAsConfigured(PostgresDatabase database, ConfigOverride... settings) throws Exception {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(settings)); // the first override of a key wins
        overrides.addAll(List.of(
                ConfigOverride.config("database.url", urlWithCredentials(database)),
                ConfigOverride.config("database.maxPoolSize", "4"),
                ConfigOverride.config("warmUpRounds", "2"),
                ConfigOverride.config("server.connector.port", "0"),
                ConfigOverride.config("logging.level", "WARN")));
        DropwizardAppExtension<TimeseriesConfiguration> app = new DropwizardAppExtension<>(
                TimeseriesApplication.class,
                TimeseriesApplication.DEFAULT_CONFIG,
                overrides.toArray(ConfigOverride[]::new));
        app.before();
        return new ApiFixture(app, database);
    }

    /** The database's JDBC URL with its credentials, as METERFLOW_DB_URL takes it. */
    public static String urlWithCredentials(PostgresDatabase database) {
        String url = database.jdbcUrl();
        return url + (url.contains("?") ? "&" : "?")
                + "user=" + URLEncoder.encode(database.user(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(database.password(), StandardCharsets.UTF_8);
    }

    public URI baseUri() {
        return baseUri;
    }

    /** A client authenticated as Gnocchi's basic-mode {@code admin}. */
    public GnocchiClient admin() {
        return anonymous().as("admin");
    }

    /** A client authenticated as a plain (non-admin) basic-mode user. */
    public GnocchiClient user(String name) {
        return anonymous().as(name);
    }

    public GnocchiClient anonymous() {
        return new GnocchiClient(baseUri);
    }

    /** The Dropwizard environment's own mapper (admin pages, health checks), not the API's. */
    public com.fasterxml.jackson.databind.ObjectMapper environmentObjectMapper() {
        return app.getObjectMapper();
    }

    public PostgresDatabase database() {
        return database;
    }

    /** Runs a {@code SELECT count(*) ...} with one string parameter per {@code ?}, straight on the database. */
    public long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Inserts a generic resource row straight into the index (the resource API is not built yet).
     * The creator splits like Gnocchi's: {@code "user:project"}, or a bare basic-auth user name.
     */
    public UUID insertResource(UUID id, String originalId, String creator, String projectId) throws SQLException {
        int colon = creator.indexOf(':');
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO resource (id, original_resource_id, creator, created_by_user_id,
                                              created_by_project_id, project_id)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, originalId);
            insert.setString(3, creator);
            insert.setString(4, colon < 0 ? creator : creator.substring(0, colon));
            insert.setString(5, colon < 0 ? "" : creator.substring(colon + 1));
            insert.setString(6, projectId);
            insert.executeUpdate();
        }
        return id;
    }

    @Override
    public void close() {
        app.after();
    }
}
