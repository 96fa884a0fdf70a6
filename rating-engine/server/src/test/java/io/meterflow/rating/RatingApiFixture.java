package io.meterflow.rating;

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

/** The rating API started in process on a test's own PostgreSQL database, and a client for it. */
public final class RatingApiFixture implements AutoCloseable {

    /** An answer: status, body text and the body as JSON (null when it is none). */
    public record Reply(int status, String body, JsonNode json, String location) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROPERTY_PREFIX = "meterflow-rating";

    private final DropwizardAppExtension<RatingConfiguration> app;
    private final URI baseUri;
    private final HttpClient http = HttpClient.newHttpClient();

    private RatingApiFixture(DropwizardAppExtension<RatingConfiguration> app) {
        this.app = app;
        this.baseUri = URI.create("http://127.0.0.1:" + app.getLocalPort());
    }

    public static RatingApiFixture start(PostgresDatabase database) throws Exception {
        return start(database, Map.of());
    }

    /**
     * Starts the API with {@code settings} (key of meterflow-rating.yml → value) changed. They are
     * set under this service's own property prefix: another service started in the same JVM (the
     * time-series API) sets Dropwizard's default {@code dw.} properties, which this one must not read.
     */
    public static RatingApiFixture start(PostgresDatabase database, Map<String, String> settings) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(settings);
        String url = database.jdbcUrl();
        all.putIfAbsent(
                "database.url",
                url + (url.contains("?") ? "&" : "?") + "user="
                        + URLEncoder.encode(database.user(), StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(database.password(), StandardCharsets.UTF_8));
        all.putIfAbsent("database.maxPoolSize", "4");
        all.putIfAbsent("processor.enabled", "false");
        all.putIfAbsent("server.connector.port", "0");
        all.putIfAbsent("logging.level", "WARN");
        DropwizardAppExtension<RatingConfiguration> app = new DropwizardAppExtension<>(
                RatingApplication.class,
                RatingApplication.DEFAULT_CONFIG,
                PROPERTY_PREFIX,
                all.entrySet().stream()
                        .map(e -> ConfigOverride.config(PROPERTY_PREFIX, e.getKey(), e.getValue()))
                        .toArray(ConfigOverride[]::new));
        app.before();
        return new RatingApiFixture(app);
    }

    public URI baseUri() {
        return baseUri;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(baseUri.resolve(path)).GET());
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(baseUri.resolve(path)).DELETE());
    }

    public Reply post(String path, Object body) {
        return send(withJson(path, body, "POST"));
    }

    /** A POST by {@code user} (noauth's {@code X-User-Id}), who then shows as the rule's author. */
    public Reply postAs(String user, String path, Object body) {
        return send(withJson(path, body, "POST").header("X-User-Id", user));
    }

    /** A request with a Keystone token ({@code X-Auth-Token}); {@code body} null for none. */
    public Reply withToken(String token, String method, String path, Object body) {
        HttpRequest.Builder request = body == null
                ? HttpRequest.newBuilder(baseUri.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody())
                : withJson(path, body, method);
        return send(token == null ? request : request.header("X-Auth-Token", token));
    }

    /** As {@link #withToken}, with one more header, e.g. an identity header a caller should not be able to claim. */
    public Reply withTokenAndHeader(
            String token, String header, String value, String method, String path, Object body) {
        HttpRequest.Builder request = withJson(path, body, method).header(header, value);
        return send(token == null ? request : request.header("X-Auth-Token", token));
    }

    public Reply put(String path, Object body) {
        return send(withJson(path, body, "PUT"));
    }

    private HttpRequest.Builder withJson(String path, Object body, String method) {
        try {
            return HttpRequest.newBuilder(baseUri.resolve(path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // leave null
            }
            return new Reply(
                    response.statusCode(),
                    response.body(),
                    json,
                    response.headers().firstValue("Location").orElse(null));
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
