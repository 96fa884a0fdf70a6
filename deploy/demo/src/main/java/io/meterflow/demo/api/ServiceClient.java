package io.meterflow.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * JSON over one service's HTTP API, as its admin: basic auth with the identity as user name and an
 * empty password (the services' {@code basic} mode), and Gnocchi's {@code X-User-Id} /
 * {@code X-Roles} for a service in {@code noauth} mode, so the demo works with either.
 */
public final class ServiceClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI base;
    private final String user;

    public ServiceClient(HttpClient http, ObjectMapper json, URI base, String user) {
        this.http = http;
        this.json = json;
        this.base = base;
        this.user = user;
    }

    /** An answer: its status and body (a missing node when empty or not JSON). */
    public record Answer(int status, JsonNode body, String text) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public JsonNode orThrow(String what) {
            if (!ok()) {
                throw new DemoApiException(what + " answered " + status + ": " + text);
            }
            return body;
        }
    }

    public URI base() {
        return base;
    }

    public Answer get(String path) throws InterruptedException {
        return send("GET", path, null);
    }

    public Answer post(String path, Object body) throws InterruptedException {
        return send("POST", path, body);
    }

    public Answer put(String path, Object body) throws InterruptedException {
        return send("PUT", path, body);
    }

    public Answer delete(String path) throws InterruptedException {
        return send("DELETE", path, null);
    }

    /** The raw bytes of a download, e.g. an invoice PDF. */
    public HttpResponse<byte[]> download(String path) throws InterruptedException {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DemoApiException("GET " + resolve(path) + " failed: " + e.getMessage(), e);
        }
    }

    private Answer send(String method, String path, Object body) throws InterruptedException {
        HttpRequest.Builder request = request(path);
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(
                    request.method(method, publisher).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new DemoApiException(method + " " + resolve(path) + " failed: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        String credentials = Base64.getEncoder().encodeToString((user + ":").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + credentials)
                .header("X-User-Id", user)
                .header("X-Roles", "admin");
    }

    private URI resolve(String path) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return URI.create(root + (path.startsWith("/") ? path.substring(1) : path));
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
