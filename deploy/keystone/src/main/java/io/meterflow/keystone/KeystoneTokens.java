package io.meterflow.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.keystone.internal.LocalTokenCache;
import io.meterflow.keystone.internal.Memcached;
import io.meterflow.keystone.internal.SharedTokenCache;
import io.meterflow.keystone.internal.Trusted;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Validates callers' tokens as keystonemiddleware does: the service signs in with its own
 * credentials and asks {@code GET /v3/auth/tokens} about each token it is shown.
 *
 * <p>A token Keystone vouched for is trusted for the cache time, so a revoked one is refused within
 * that time. Tokens are cached by their SHA-256, never by themselves: in process (bounded), and,
 * when Memcached servers are configured, also there, shared by every process; the in-process entry
 * then lives a few seconds only, in front of Memcached. A Memcached that is down costs a Keystone
 * call, never a request.
 *
 * <p>Service tokens: a request may carry a service's token ({@code X-Service-Token}) besides the
 * user's. It counts only if Keystone vouches for it and it carries one of the service token roles;
 * then the user's token is accepted even if it expired, within the allowed window, because a
 * long-running operation the user started goes on in the services after the user's token runs
 * out. Keystone is always asked with {@code allow_expired}, and the expiry judged here, so one call
 * tells an expired token from an unknown or revoked one. Thread-safe.
 */
public final class KeystoneTokens implements AutoCloseable {

    private static final int CACHED_TOKENS = 10_000;
    /** How long a token read from Memcached is kept in process: Memcached stays the shared truth. */
    private static final Duration IN_FRONT_OF_MEMCACHED = Duration.ofSeconds(10);
    /** Longer than any token Keystone issues; a longer header is not a token. */
    private static final int LONGEST_TOKEN = 4096;

    private static final String NOT_VALID = " is not valid (unknown, expired or revoked)";
    private static final String USER_TOKEN = "The token";
    private static final String SERVICE_TOKEN = "The service token (X-Service-Token)";

    private final KeystoneSettings settings;
    private final Clock clock;
    private final KeystoneHttp keystone;
    private final ObjectMapper json = new ObjectMapper();
    private final LocalTokenCache local = new LocalTokenCache(CACHED_TOKENS);
    private final Memcached memcached;
    private final SharedTokenCache shared;

    public KeystoneTokens(KeystoneSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.keystone = new KeystoneHttp(settings);
        if (settings.memcachedServers().isEmpty()) {
            this.memcached = null;
            this.shared = null;
        } else {
            this.memcached = new Memcached(settings.memcachedServers(), clock);
            this.shared = new SharedTokenCache(memcached, settings.memcachedSecretKey());
        }
    }

    /**
     * The identity of a request's {@code X-Auth-Token}, without a service token.
     *
     * @throws InvalidTokenException Keystone does not know the token, or it expired or was revoked
     * @throws KeystoneUnavailableException Keystone cannot be asked
     */
    public TokenIdentity validate(String token) throws InvalidTokenException {
        return validate(token, null);
    }

    /**
     * The identity of a request's {@code X-Auth-Token}, with the identity of its
     * {@code X-Service-Token} as {@link TokenIdentity#service()} when it carries one.
     *
     * @param serviceToken the request's {@code X-Service-Token}, or null (or blank) when it has none
     * @throws InvalidTokenException the user token is not valid (an expired one is, with a service
     *     token, within the allowed window), or the service token is not valid or, where the roles
     *     are required, carries none of the service token roles
     * @throws KeystoneUnavailableException Keystone cannot be asked
     */
    public TokenIdentity validate(String userToken, String serviceToken) throws InvalidTokenException {
        Instant now = clock.instant();
        if (serviceToken == null || serviceToken.isBlank()) {
            return vouched(userToken, USER_TOKEN, false, now);
        }
        TokenIdentity service = vouched(serviceToken, SERVICE_TOKEN, false, now);
        boolean isService = service.roles().stream().anyMatch(settings.serviceTokenRoles()::contains);
        if (!isService && settings.serviceTokenRolesRequired()) {
            throw new InvalidTokenException(SERVICE_TOKEN + " of user " + service.userName()
                    + " carries none of the service token roles " + new TreeSet<>(settings.serviceTokenRoles()));
        }
        return vouched(userToken, USER_TOKEN, isService, now).withService(service);
    }

    private TokenIdentity vouched(String token, String what, boolean allowExpired, Instant now)
            throws InvalidTokenException {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException(what + " is missing");
        }
        if (token.length() > LONGEST_TOKEN || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidTokenException(what + " is malformed: not a Keystone token");
        }
        Trusted trusted = trusted(token, what, now);
        Instant expiresAt = trusted.identity().expiresAt();
        if (now.isBefore(expiresAt)) {
            return trusted.identity();
        }
        if (!allowExpired) {
            throw new InvalidTokenException(what + " expired at " + expiresAt
                    + (what.equals(USER_TOKEN) ? "; an expired token is accepted only with a service token" : ""));
        }
        if (now.isAfter(expiresAt.plus(settings.allowExpiredWindow()))) {
            throw new InvalidTokenException(what + " expired at " + expiresAt + ", longer ago than a service token"
                    + " extends it (" + settings.allowExpiredWindow().toSeconds() + " s)");
        }
        return trusted.identity();
    }

    private Trusted trusted(String token, String what, Instant now) throws InvalidTokenException {
        String key = sha256(token);
        Trusted trusted = local.trusted(key, now);
        if (trusted != null) {
            return trusted;
        }
        if (local.isRefused(key, now)) {
            throw new InvalidTokenException(what + NOT_VALID);
        }
        if (shared != null) {
            trusted = shared.get(key, now);
            if (trusted != null) {
                local.trust(key, trusted.notAfter(now.plus(IN_FRONT_OF_MEMCACHED)), now);
                return trusted;
            }
        }
        Optional<TokenIdentity> identity = ask(token);
        Instant until = now.plus(settings.cacheTime());
        if (identity.isEmpty()) {
            local.refuse(key, until, now);
            throw new InvalidTokenException(what + NOT_VALID);
        }
        trusted = new Trusted(identity.get(), until);
        if (shared != null) {
            shared.put(key, trusted, now);
            local.trust(key, trusted.notAfter(now.plus(IN_FRONT_OF_MEMCACHED)), now);
        } else {
            local.trust(key, trusted, now);
        }
        return trusted;
    }

    /** @return the token's identity, expired or not, or empty where Keystone does not vouch for it */
    private Optional<TokenIdentity> ask(String token) {
        HttpResponse<String> answer = keystone.get("auth/tokens?nocatalog&allow_expired=1", token);
        return switch (answer.statusCode()) {
            case 200 -> Optional.of(identity(answer.body()));
            case 404 -> Optional.empty();
            case 403 ->
                throw new KeystoneUnavailableException(
                        "Keystone does not let the service user " + settings.user() + " validate tokens (403):"
                                + " give it the service or admin role on its project",
                        null);
            default ->
                throw new KeystoneUnavailableException(
                        "Keystone at " + settings.url() + " answered " + answer.statusCode() + " to a token validation",
                        null);
        };
    }

    /** The service user's id, signing in first if it has not yet. */
    String serviceUserId() {
        return keystone.serviceUserId();
    }

    /**
     * A GET of the Identity API as the service (signing in again once when the service token has
     * expired). @param pathAndQuery relative to the v3 endpoint
     */
    JsonNode getAsService(String pathAndQuery) {
        HttpResponse<String> answer = keystone.get(pathAndQuery, null);
        if (answer.statusCode() != 200) {
            throw new KeystoneUnavailableException(
                    "Keystone answered " + answer.statusCode() + " to GET " + pathAndQuery, null);
        }
        return parse(answer.body(), pathAndQuery);
    }

    /** As {@link #getAsService(String)}, empty where Keystone answers 404 (no such project, domain...). */
    Optional<JsonNode> findAsService(String pathAndQuery) {
        HttpResponse<String> answer = keystone.get(pathAndQuery, null);
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        if (answer.statusCode() != 200) {
            throw new KeystoneUnavailableException(
                    "Keystone answered " + answer.statusCode() + " to GET " + pathAndQuery, null);
        }
        return Optional.of(parse(answer.body(), pathAndQuery));
    }

    private JsonNode parse(String body, String what) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone's answer to " + what + " is not JSON", e);
        }
    }

    private TokenIdentity identity(String body) {
        JsonNode token = parse(body, "a token validation").path("token");
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
                instant(token.path("expires_at").asText()));
    }

    /** Keystone writes {@code 2026-12-07T10:54:02.000000Z}, and without the zone where an application credential caps it. */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new KeystoneUnavailableException("Keystone's token answer has no valid expires_at: " + text, e);
            }
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Closes the idle Memcached connections; validating afterwards opens new ones. */
    @Override
    public void close() {
        if (memcached != null) {
            memcached.close();
        }
    }
}
