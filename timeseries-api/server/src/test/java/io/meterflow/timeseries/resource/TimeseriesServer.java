package io.meterflow.timeseries.resource;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.timeseries.TimeseriesApplication;
import io.meterflow.timeseries.TimeseriesConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** The whole API on a test class's own database, in the gnocchi-tests profile, with a small HTTP client. */
final class TimeseriesServer implements AutoCloseable {

    static final String ADMIN = "admin";

    private final DropwizardAppExtension<TimeseriesConfiguration> app;
    private final HttpClient http = HttpClient.newHttpClient();

    TimeseriesServer(PostgresDatabase db) throws Exception {
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.user()
                + (db.password() == null || db.password().isEmpty() ? "" : "&password=" + db.password());
        app = new DropwizardAppExtension<>(
                TimeseriesApplication.class,
                TimeseriesApplication.DEFAULT_CONFIG,
                ConfigOverride.config("database.url", url),
                ConfigOverride.config("server.connector.port", "0"),
                ConfigOverride.config("warmUpRounds", "2"),
                // Both modes fold with the same code; the Kafka path has its own tests (aggregator package),
                // and a broker per test class would add seconds to each.
                ConfigOverride.config("ingest.mode", "direct"),
                ConfigOverride.config("profile", "gnocchi-tests"),
                ConfigOverride.config("logging.level", "WARN"));
        app.before();
    }

    HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
        return send(user, method, path, json, "application/json");
    }

    HttpResponse<String> send(String user, String method, String path, String json, String contentType)
            throws Exception {
        return send(user, method, path, json, contentType, Map.of());
    }

    HttpResponse<String> send(
            String user, String method, String path, String json, String contentType, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.getLocalPort() + path))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString((user + ":").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        app.after();
    }
}
