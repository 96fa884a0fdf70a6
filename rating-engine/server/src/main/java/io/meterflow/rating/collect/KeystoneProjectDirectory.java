package io.meterflow.rating.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.keystone.KeystoneSettings;
import io.meterflow.keystone.KeystoneUnavailableException;
import io.meterflow.keystone.ServiceToken;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two questions about projects that {@code meterflow-keystone}'s {@code KeystoneProjects} does
 * not answer yet: every enabled project, and one project's state, asked with the service's own
 * token ({@link ServiceToken}, the same {@code METERFLOW_KEYSTONE_…} settings). Meant to move into
 * {@code KeystoneProjects} once that module offers these calls. Thread-safe.
 */
public final class KeystoneProjectDirectory {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A project as Keystone states it now. */
    public record ProjectState(String id, String domainId, boolean enabled) {}

    private final URI url;
    private final ServiceToken service;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Signs in as {@code user} of {@code domain} (a name), scoped to {@code project} of that domain. */
    public KeystoneProjectDirectory(URI url, String user, String password, String project, String domain) {
        this(new KeystoneSettings(url, user, password, project, domain, Duration.ofMinutes(5)));
    }

    private KeystoneProjectDirectory(KeystoneSettings settings) {
        this.url = settings.url();
        this.service = new ServiceToken(settings, http, Clock.systemUTC());
    }

    public static KeystoneProjectDirectory of(KeystoneSettings settings) {
        return new KeystoneProjectDirectory(settings);
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
            String current = service.current();
            HttpResponse<String> answer = send(HttpRequest.newBuilder(resolve(path))
                    .timeout(TIMEOUT)
                    .header("X-Auth-Token", current)
                    .header("Accept", "application/json")
                    .GET()
                    .build());
            if (answer.statusCode() != 401) {
                return answer;
            }
            service.refused(current);
        }
        throw new KeystoneUnavailableException(
                "Keystone refuses the service's credentials (METERFLOW_KEYSTONE_USER)", null);
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
