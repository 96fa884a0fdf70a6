package io.meterflow.operator.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Keystone's Identity v3 API as a cloud admin calls it: signed in once with password credentials,
 * then plain JSON calls on paths relative to the v3 endpoint. Every failure becomes a
 * {@link KeystoneException} with one line saying what went wrong.
 */
public final class KeystoneAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final String token;

    private KeystoneAdmin(HttpClient http, URI base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    /** Signs in with {@code credentials}; refused credentials and an unreachable Keystone throw. */
    public static KeystoneAdmin signIn(AdminCredentials credentials) throws KeystoneException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI base = URI.create(credentials.authUrl() + "/");
        ObjectNode body = JSON.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", credentials.username()).put("password", credentials.password());
        user.putObject("domain").put(credentials.userDomainIsId() ? "id" : "name", credentials.userDomain());
        ObjectNode project = auth.putObject("scope").putObject("project");
        project.put("name", credentials.projectName());
        project.putObject("domain").put(credentials.projectDomainIsId() ? "id" : "name", credentials.projectDomain());
        HttpRequest request = HttpRequest.newBuilder(base.resolve("auth/tokens?nocatalog"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> answer = send(http, request, credentials.authUrl());
        if (answer.statusCode() == 401) {
            throw new KeystoneException(
                    "Keystone at " + credentials.authUrl() + " refused the credentials of " + credentials.username()
                            + " on project " + credentials.projectName() + " (401: "
                            + message(answer.body()) + ")",
                    401);
        }
        if (answer.statusCode() != 201) {
            throw new KeystoneException(
                    "Keystone at " + credentials.authUrl() + " answered " + answer.statusCode() + " to signing in: "
                            + message(answer.body()),
                    answer.statusCode());
        }
        String token = answer.headers()
                .firstValue("X-Subject-Token")
                .orElseThrow(() -> new IllegalStateException("Keystone issued a token without X-Subject-Token"));
        return new KeystoneAdmin(http, base, token);
    }

    /** {@code GET path}: its JSON body, which must come with 200. */
    public JsonNode get(String path) throws KeystoneException {
        return call("GET", path, null, 200);
    }

    /** {@code HEAD path}: whether it exists (204 or 200), not (404). */
    public boolean exists(String path) throws KeystoneException {
        HttpResponse<String> answer = send(request("HEAD", path, null));
        if (answer.statusCode() == 404) {
            return false;
        }
        if (answer.statusCode() / 100 != 2) {
            throw refusal("HEAD", path, answer);
        }
        return true;
    }

    /** {@code POST path} with a JSON body: what Keystone made, with 201. */
    public JsonNode post(String path, JsonNode body) throws KeystoneException {
        return call("POST", path, body, 201);
    }

    /** {@code PATCH path} with a JSON body: the changed entity, with 200. */
    public JsonNode patch(String path, JsonNode body) throws KeystoneException {
        return call("PATCH", path, body, 200);
    }

    /** {@code PUT path} without a body (a role assignment), 204. */
    public void put(String path) throws KeystoneException {
        call("PUT", path, null, 204);
    }

    /** {@code DELETE path}, 204. */
    public void delete(String path) throws KeystoneException {
        call("DELETE", path, null, 204);
    }

    /** A query parameter's value, encoded. */
    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode call(String method, String path, JsonNode body, int expected) throws KeystoneException {
        HttpResponse<String> answer = send(request(method, path, body));
        if (answer.statusCode() != expected) {
            throw refusal(method, path, answer);
        }
        try {
            return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new KeystoneException(method + " " + path + ": Keystone's answer is not JSON", e);
        }
    }

    private HttpRequest request(String method, String path, JsonNode body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("X-Auth-Token", token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) throws KeystoneException {
        return send(http, request, base);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request, URI keystone)
            throws KeystoneException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new KeystoneException("cannot reach Keystone at " + keystone + " (" + reason(e) + ")", e);
        } catch (HttpTimeoutException e) {
            throw new KeystoneException("Keystone at " + keystone + " did not answer within " + TIMEOUT, e);
        } catch (IOException e) {
            throw new KeystoneException("cannot talk to Keystone at " + keystone + " (" + reason(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoneException("interrupted while calling Keystone", e);
        }
    }

    /** The deepest message the failure carries: the JDK's HTTP client wraps "Connection refused" in messageless exceptions. */
    private static String reason(IOException e) {
        String reason = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                reason = cause.getMessage();
            }
        }
        if (reason != null) {
            return reason;
        }
        return e instanceof ConnectException
                ? "connection refused"
                : e.getClass().getSimpleName();
    }

    private static KeystoneException refusal(String method, String path, HttpResponse<String> answer) {
        String what = method + " /v3/" + path;
        String message = message(answer.body());
        if (answer.statusCode() == 403) {
            return new KeystoneException(
                    "Keystone forbids " + what + " to these credentials (403: " + message
                            + "); catalog changes need the admin role",
                    403);
        }
        return new KeystoneException(
                "Keystone answered " + answer.statusCode() + " to " + what + ": " + message, answer.statusCode());
    }

    /** Keystone's {@code {"error": {"message": …}}}, or the body's first line. */
    private static String message(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error").path("message");
            if (error.isTextual()) {
                return error.asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through to the raw text
        }
        String line = body == null ? "" : body.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
