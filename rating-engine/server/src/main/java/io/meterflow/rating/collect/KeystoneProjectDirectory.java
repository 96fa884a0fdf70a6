package io.meterflow.rating.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.keystone.KeystoneSettings;
import io.meterflow.keystone.KeystoneUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two questions about projects that {@code meterflow-keystone}'s {@code KeystoneProjects} does
 * not answer yet: every enabled project, and one project's state. Signs in as the service with the
 * same {@code METERFLOW_KEYSTONE_…} settings. Meant to move into {@code KeystoneProjects}, which
 * holds the service token, once that module offers these calls. Thread-safe.
 */
public final class KeystoneProjectDirectory {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A project as Keystone states it now. */
    public record ProjectState(String id, String domainId, boolean enabled) {}

    private final URI url;
    private final String user;
    private final String password;
    private final String project;
    private final String domain;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile String token;

    /** Signs in as {@code user} of {@code domain} (a name), scoped to {@code project} of that domain. */
    public KeystoneProjectDirectory(URI url, String user, String password, String project, String domain) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.project = project;
        this.domain = domain;
    }

    public static KeystoneProjectDirectory of(KeystoneSettings settings) {
        return new KeystoneProjectDirectory(
                settings.url(), settings.user(), settings.password(), settings.project(), settings.domain());
    }

    /**
     * @return the ids of every enabled project but domains acting as projects, in Keystone's order
     * @throws KeystoneUnavailableException Keystone cannot be asked
     */
    public List<String> enabledProjects() {
        HttpResponse<String> answer = get("projects?enabled=true&is_domain=false");
        List<String> ids = new ArrayList<>();
        read(answer, "projects?enabled=true")
                .path("projects")
                .forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }

    /**
     * @return empty when Keystone does not know the project (deleted)
     * @throws KeystoneUnavailableException Keystone cannot be asked
     */
    public Optional<ProjectState> project(String projectId) {
        String path = "projects/" + URLEncoder.encode(projectId, StandardCharsets.UTF_8);
        HttpResponse<String> answer = get(path);
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode project = read(answer, path).path("project");
        return Optional.of(new ProjectState(
                project.path("id").asText(),
                project.path("domain_id").asText(),
                project.path("enabled").asBoolean(true)));
    }

    private JsonNode read(HttpResponse<String> answer, String what) {
        if (answer.statusCode() != 200) {
            throw new KeystoneUnavailableException(
                    "Keystone answered " + answer.statusCode() + " to GET " + what, null);
        }
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone's answer to " + what + " is not JSON", e);
        }
    }

    /** A GET with the service token, signing in again once when Keystone no longer takes it. */
    private HttpResponse<String> get(String path) {
        for (int attempt = 0; attempt < 2; attempt++) {
            String current = token;
            if (current == null || attempt > 0) {
                current = signIn();
            }
            HttpResponse<String> answer = send(HttpRequest.newBuilder(resolve(path))
                    .timeout(TIMEOUT)
                    .header("X-Auth-Token", current)
                    .header("Accept", "application/json")
                    .GET()
                    .build());
            if (answer.statusCode() != 401) {
                return answer;
            }
        }
        throw new KeystoneUnavailableException(
                "Keystone refuses the service's credentials (METERFLOW_KEYSTONE_USER)", null);
    }

    private synchronized String signIn() {
        ObjectNode body = json.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", this.user);
        user.putObject("domain").put("name", domain);
        user.put("password", password);
        ObjectNode scope = auth.putObject("scope").putObject("project");
        scope.put("name", project);
        scope.putObject("domain").put("name", domain);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(resolve("auth/tokens?nocatalog"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        if (answer.statusCode() != 201) {
            throw new KeystoneUnavailableException(
                    "Keystone refused the service's sign-in as " + this.user + " (" + answer.statusCode() + ")", null);
        }
        token = answer.headers()
                .firstValue("X-Subject-Token")
                .orElseThrow(() -> new KeystoneUnavailableException("Keystone's sign-in answer has no token", null));
        return token;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone at " + url + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoneUnavailableException("interrupted while asking Keystone", e);
        }
    }

    private URI resolve(String path) {
        String base = url.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }
}
