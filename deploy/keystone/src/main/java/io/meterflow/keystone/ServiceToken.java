package io.meterflow.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's own Keystone token: what validating callers' tokens asks Keystone with, and what a
 * service sends when it calls another Meterflow API (the reports service the rating and
 * time-series APIs, the rating processor the time-series API), as an OpenStack service calls
 * another with its service credentials ({@code METERFLOW_KEYSTONE_USER}, usually {@code admin} and
 * {@code service} on project {@code service}). Signed in on first use, renewed ahead of its expiry
 * (5 minutes before, or halfway through a shorter life) and after an API answered 401 to it. The
 * one place Meterflow signs in as a service. Thread-safe; never logs the token.
 */
public final class ServiceToken {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceToken.class);
    private static final Duration EARLY = Duration.ofMinutes(5);

    private final KeystoneSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private String token;
    private String userId;
    private Instant renewAt = Instant.MIN;

    public ServiceToken(KeystoneSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /**
     * The token to send, signing in first when there is none or it is due for renewal.
     *
     * @throws KeystoneUnavailableException Keystone cannot be reached or refuses the credentials
     */
    public synchronized String current() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            signIn();
        }
        return token;
    }

    /** An API answered 401 to {@code refused}: the next {@link #current()} signs in again. */
    public synchronized void refused(String refused) {
        if (Objects.equals(refused, token)) {
            LOG.info("An API refused the service token of {}; signing in again", settings.user());
            token = null;
        }
    }

    /** The service user's id, signing in first if it has not yet. */
    synchronized String userId() {
        current();
        return userId;
    }

    private void signIn() {
        HttpResponse<String> answer = KeystoneHttp.send(
                http,
                settings,
                HttpRequest.newBuilder(settings.resolve("auth/tokens?nocatalog"))
                        .timeout(settings.requestTimeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body().toString()))
                        .build());
        if (answer.statusCode() == 401 || answer.statusCode() == 403 || answer.statusCode() == 404) {
            throw new KeystoneUnavailableException(
                    "Keystone refuses the service's credentials: user " + settings.user() + " in project "
                            + settings.project() + " of domain " + settings.domain() + " (" + answer.statusCode()
                            + "): check METERFLOW_KEYSTONE_USER, _PASSWORD, _PROJECT and _DOMAIN",
                    null);
        }
        if (answer.statusCode() != 201) {
            throw new KeystoneUnavailableException(
                    "Keystone at " + settings.url() + " answered " + answer.statusCode() + " to the service's sign-in",
                    null);
        }
        Instant expiresAt;
        String signedIn;
        try {
            JsonNode body = json.readTree(answer.body()).path("token");
            expiresAt = Instant.parse(body.path("expires_at").asText());
            signedIn = body.path("user").path("id").asText();
        } catch (IOException | RuntimeException e) {
            throw new KeystoneUnavailableException("Keystone's answer to the service's sign-in has no expiry", e);
        }
        token = answer.headers()
                .firstValue("X-Subject-Token")
                .orElseThrow(() -> new KeystoneUnavailableException(
                        "Keystone's answer to the service's sign-in has no token", null));
        userId = signedIn;
        Instant now = clock.instant();
        Duration life = Duration.between(now, expiresAt);
        Duration early = life.dividedBy(2).compareTo(EARLY) < 0 ? life.dividedBy(2) : EARLY;
        renewAt = expiresAt.minus(early);
        LOG.debug("Signed in to Keystone as {} until {}", settings.user(), expiresAt);
    }

    private ObjectNode body() {
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
        return body;
    }
}
