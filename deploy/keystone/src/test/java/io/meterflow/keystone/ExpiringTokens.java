package io.meterflow.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tokens that expire within seconds, on a Keystone whose token lifetime is an hour: a token issued
 * for an application credential expires no later than the credential, whose expiry its user picks.
 *
 * <p>{@link #close()} deletes the credentials one by one, before the test deletes their users: on
 * SQLite (foreign keys off) Keystone deletes a user's credentials in bulk and leaves their role rows
 * behind under a row number the next credential reuses, which then fails to sign in ("Could not
 * find role", 404) or to be created (409). Deleting a credential itself takes every role row of its
 * number with it, so this class also clears such leftovers when it meets them, and leaves none.
 */
final class ExpiringTokens implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String keystoneUrl;
    private final List<String[]> credentials = new ArrayList<>(); // {path, user token}

    ExpiringTokens(String keystoneUrl) {
        this.keystoneUrl = keystoneUrl;
    }

    record Expiring(String token, Instant expiresAt) {}

    /**
     * @param userToken a token of the user, scoped to the project the new token is to be scoped to
     * @param role the role the new token carries
     * @return a token of the same user and project that expires at the returned instant (whole seconds)
     */
    Expiring issue(String userToken, String userId, String role, Duration life) throws Exception {
        String failure = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant expiresAt = Instant.now().plus(life).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
            ObjectNode credential = JSON.createObjectNode();
            ObjectNode fields = credential
                    .putObject("application_credential")
                    .put("name", "mf-test-expiring-" + UUID.randomUUID())
                    .put(
                            "expires_at",
                            LocalDateTime.ofInstant(expiresAt, ZoneOffset.UTC).toString());
            fields.putArray("roles").addObject().put("name", role);
            String path = "/users/" + userId + "/application_credentials";
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(keystoneUrl + path))
                    .header("X-Auth-Token", userToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(credential.toString())));
            if (created.statusCode() != 201) {
                failure = "creating an application credential: " + created.statusCode() + " " + created.body();
                continue;
            }
            JsonNode made = JSON.readTree(created.body()).path("application_credential");
            credentials.add(new String[] {path + "/" + made.path("id").asText(), userToken});
            HttpResponse<String> issued =
                    signIn(made.path("id").asText(), made.path("secret").asText());
            if (issued.statusCode() == 201) {
                return new Expiring(
                        issued.headers().firstValue("X-Subject-Token").orElseThrow(), expiresAt);
            }
            failure = "signing in with an application credential: " + issued.statusCode() + " " + issued.body();
            close(); // clears role rows left behind under this credential's row number; the next one is clean
        }
        throw new IOException(failure);
    }

    private HttpResponse<String> signIn(String id, String secret) throws Exception {
        ObjectNode auth = JSON.createObjectNode();
        ObjectNode identity = auth.putObject("auth").putObject("identity");
        identity.putArray("methods").add("application_credential");
        identity.putObject("application_credential").put("id", id).put("secret", secret);
        return send(HttpRequest.newBuilder(URI.create(keystoneUrl + "/auth/tokens?nocatalog"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(auth.toString())));
    }

    /** Sleeps until the token has expired. */
    static void awaitExpiry(Expiring token) throws InterruptedException {
        long millis = Duration.between(Instant.now(), token.expiresAt()).toMillis() + 500;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** Deletes the credentials made so far, one by one (their tokens stop being valid). */
    @Override
    public void close() throws Exception {
        for (String[] made : credentials) {
            send(HttpRequest.newBuilder(URI.create(keystoneUrl + made[0]))
                    .header("X-Auth-Token", made[1])
                    .DELETE());
        }
        credentials.clear();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
