package io.meterflow.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.meterflow.testsupport.PostgresDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reports API started in the test JVM on a real PostgreSQL, and a small client for it. */
public final class ReportsApiFixture implements AutoCloseable {

    public record Reply(int status, String body, JsonNode json, Map<String, java.util.List<String>> headers) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "meterflow-reports";

    private final DropwizardAppExtension<ReportsConfiguration> app;
    private final URI baseUri;
    private final HttpClient http = HttpClient.newHttpClient();

    private ReportsApiFixture(DropwizardAppExtension<ReportsConfiguration> app) {
        this.app = app;
        this.baseUri = URI.create("http://127.0.0.1:" + app.getLocalPort() + "/");
    }

    /** @param settings keys of meterflow-reports.yml → values, over the test defaults */
    public static ReportsApiFixture start(PostgresDatabase database, URI ratingUri, Map<String, String> settings)
            throws Exception {
        Map<String, String> all = new LinkedHashMap<>(settings);
        String url = database.jdbcUrl();
        all.putIfAbsent(
                "database.url",
                url + (url.contains("?") ? "&" : "?") + "user="
                        + URLEncoder.encode(database.user(), StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(database.password(), StandardCharsets.UTF_8));
        all.putIfAbsent("database.maxPoolSize", "8");
        all.putIfAbsent("ratingUrl", ratingUri.toString());
        all.putIfAbsent("server.connector.port", "0");
        all.putIfAbsent("logging.level", "WARN");
        DropwizardAppExtension<ReportsConfiguration> app = new DropwizardAppExtension<>(
                ReportsApplication.class,
                ReportsApplication.DEFAULT_CONFIG,
                PREFIX,
                all.entrySet().stream()
                        .map(e -> ConfigOverride.config(PREFIX, e.getKey(), e.getValue()))
                        .toArray(ConfigOverride[]::new));
        app.before();
        return new ReportsApiFixture(app);
    }

    public URI baseUri() {
        return baseUri;
    }

    public Reply get(String path, String... headers) {
        return send(HttpRequest.newBuilder(baseUri.resolve(path)).GET(), headers);
    }

    public Reply delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(baseUri.resolve(path)).DELETE(), headers);
    }

    public Reply post(String path, Object body, String... headers) {
        return send(json("POST", path, body), headers);
    }

    public Reply put(String path, Object body, String... headers) {
        return send(json("PUT", path, body), headers);
    }

    private HttpRequest.Builder json(String method, String path, Object body) {
        try {
            return HttpRequest.newBuilder(baseUri.resolve(path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Reply send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // a CSV or PDF body
            }
            return new Reply(
                    response.statusCode(),
                    response.body(),
                    json,
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.after();
    }
}
