package io.meterflow.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates callers' tokens as keystonemiddleware does: the service signs in with its own
 * credentials and asks {@code GET /v3/auth/tokens} about each token it is shown. A valid token is
 * trusted for the cache time (never past its expiry), so a revoked one is refused within that
 * time; the cache is bounded and keyed by the token's SHA-256, never by the token itself.
 * Thread-safe.
 */
public final class KeystoneTokens {

    private static final Logger LOG = LoggerFactory.getLogger(KeystoneTokens.class);
    private static final int CACHED_TOKENS = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KeystoneSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Trusted> cache = new ConcurrentHashMap<>();
    private volatile String serviceToken;
    private volatile String serviceUserId;

    private record Trusted(TokenIdentity identity, Instant until) {}

    public KeystoneTokens(KeystoneSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /**
     * @throws InvalidTokenException Keystone does not know the token, or it expired or was revoked
     * @throws KeystoneUnavailableException Keystone cannot be asked
     */
    public TokenIdentity validate(String token) throws InvalidTokenException {
        String key = sha256(token);
        Instant now = clock.instant();
        Trusted trusted = cache.get(key);
        if (trusted != null && now.isBefore(trusted.until())) {
            return trusted.identity();
        }
        TokenIdentity identity = ask(token);
        Instant until = now.plus(settings.cacheTime());
        if (until.isAfter(identity.expiresAt())) {
            until = identity.expiresAt();
        }
        remember(key, new Trusted(identity, until), now);
        return identity;
    }

    private TokenIdentity ask(String token) throws InvalidTokenException {
        HttpResponse<String> answer = getAsService("auth/tokens", token);
        return switch (answer.statusCode()) {
            case 200 -> identity(answer.body());
            case 404 -> throw new InvalidTokenException("Keystone does not know the token");
            default ->
                throw new KeystoneUnavailableException(
                        "Keystone answered " + answer.statusCode() + " to a token validation", null);
        };
    }

    private String serviceToken(boolean renew) {
        String current = serviceToken;
        if (current != null && !renew) {
            return current;
        }
        synchronized (this) {
            if (serviceToken != null && serviceToken != current) {
                return serviceToken; // another thread signed in meanwhile
            }
            serviceToken = signIn();
            return serviceToken;
        }
    }

    private String signIn() {
        ObjectNode body = json.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", settings.user());
        user.putObject("domain").put("name", settings.domain());
        user.put("password", settings.password());
        ObjectNode project = auth.putObject("scope").putObject("project");
        project.put("name", settings.project());
        project.putObject("domain").put("name", settings.domain());
        HttpResponse<String> answer = send(HttpRequest.newBuilder(settings.resolve("auth/tokens"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        if (answer.statusCode() != 201) {
            throw new KeystoneUnavailableException(
                    "Keystone refused the service's sign-in as " + settings.user() + " (" + answer.statusCode()
                            + "): check METERFLOW_KEYSTONE_USER, _PASSWORD, _PROJECT and _DOMAIN",
                    null);
        }
        try {
            serviceUserId = json.readTree(answer.body())
                    .path("token")
                    .path("user")
                    .path("id")
                    .asText();
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone's sign-in answer is not JSON", e);
        }
        return answer.headers()
                .firstValue("X-Subject-Token")
                .orElseThrow(() -> new KeystoneUnavailableException("Keystone's sign-in answer has no token", null));
    }

    /** The service user's id, signing in first if it has not yet. */
    String serviceUserId() {
        serviceToken(false);
        return serviceUserId;
    }

    /**
     * A GET of the Identity API as the service (signing in again once when the service token has
     * expired). @param pathAndQuery relative to the v3 endpoint
     */
    JsonNode getAsService(String pathAndQuery) {
        HttpResponse<String> answer = getAsService(pathAndQuery, null);
        if (answer.statusCode() != 200) {
            throw new KeystoneUnavailableException(
                    "Keystone answered " + answer.statusCode() + " to GET " + pathAndQuery, null);
        }
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone's answer to " + pathAndQuery + " is not JSON", e);
        }
    }

    /** As {@link #getAsService(String)}, empty where Keystone answers 404 (no such project, domain...). */
    java.util.Optional<JsonNode> findAsService(String pathAndQuery) {
        HttpResponse<String> answer = getAsService(pathAndQuery, null);
        if (answer.statusCode() == 404) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(getAsService(pathAndQuery));
    }

    /**
     * A GET with the service's token, signing in again once when Keystone no longer takes it.
     *
     * @param subjectToken the token asked about ({@code X-Subject-Token}), or null
     * @return Keystone's answer, whatever its status but a second 401
     */
    private HttpResponse<String> getAsService(String pathAndQuery, String subjectToken) {
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(settings.resolve(pathAndQuery))
                    .timeout(TIMEOUT)
                    .header("X-Auth-Token", serviceToken(attempt > 0))
                    .header("Accept", "application/json")
                    .GET();
            if (subjectToken != null) {
                request.header("X-Subject-Token", subjectToken);
            }
            HttpResponse<String> answer = send(request.build());
            if (answer.statusCode() != 401) {
                return answer;
            }
            LOG.debug("The service token was refused; signing in again");
        }
        throw new KeystoneUnavailableException(
                "Keystone refuses the service's credentials (METERFLOW_KEYSTONE_USER)", null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone at " + settings.url() + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoneUnavailableException("interrupted while asking Keystone", e);
        }
    }

    private TokenIdentity identity(String body) {
        JsonNode token;
        try {
            token = json.readTree(body).path("token");
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone's token answer is not JSON", e);
        }
        List<String> roles = new ArrayList<>();
        token.path("roles").forEach(role -> roles.add(role.path("name").asText()));
        JsonNode project = token.path("project");
        String projectId = project.hasNonNull("id") ? project.get("id").asText() : null;
        String domainId = token.path("domain").hasNonNull("id")
                ? token.path("domain").get("id").asText()
                : project.path("domain").hasNonNull("id")
                        ? project.path("domain").get("id").asText()
                        : null;
        return new TokenIdentity(
                token.path("user").path("id").asText(),
                token.path("user").path("name").asText(null),
                projectId,
                domainId,
                roles,
                // Keystone states it only where an admin project is configured; otherwise every project is.
                token.path("is_admin_project").asBoolean(true),
                Instant.parse(token.path("expires_at").asText()));
    }

    private void remember(String key, Trusted trusted, Instant now) {
        if (cache.size() >= CACHED_TOKENS) {
            cache.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (cache.size() >= CACHED_TOKENS) {
                cache.clear(); // a flood of distinct tokens: validating again beats growing without bound
            }
        }
        cache.put(key, trusted);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
