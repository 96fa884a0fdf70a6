package io.meterflow.keystone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Identity API as the service: signs in with the service's own credentials, keeps its token,
 * signs in again once when Keystone stops taking it, and turns every way of failing to get an
 * answer into a {@link KeystoneUnavailableException} that names what to check. Thread-safe.
 */
final class KeystoneHttp {

    private static final Logger LOG = LoggerFactory.getLogger(KeystoneHttp.class);

    private final KeystoneSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private volatile String serviceToken;
    private volatile String serviceUserId;

    KeystoneHttp(KeystoneSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The service user's id, signing in first if it has not yet. */
    String serviceUserId() {
        serviceToken(false);
        return serviceUserId;
    }

    /**
     * A GET with the service's token, signing in again once when Keystone no longer takes it.
     *
     * @param pathAndQuery relative to the v3 endpoint
     * @param subjectToken the token asked about ({@code X-Subject-Token}), or null
     * @return Keystone's answer, whatever its status but a second 401
     */
    HttpResponse<String> get(String pathAndQuery, String subjectToken) {
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(settings.resolve(pathAndQuery))
                    .timeout(settings.requestTimeout())
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
            LOG.debug("Keystone no longer takes the service token; signing in again");
        }
        throw new KeystoneUnavailableException(
                "Keystone refuses the service's token right after signing in as " + settings.user()
                        + ": check METERFLOW_KEYSTONE_USER, _PASSWORD, _PROJECT and _DOMAIN",
                null);
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
        HttpResponse<String> answer = send(HttpRequest.newBuilder(settings.resolve("auth/tokens?nocatalog"))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
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
        try {
            serviceUserId = json.readTree(answer.body())
                    .path("token")
                    .path("user")
                    .path("id")
                    .asText();
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone's answer to the service's sign-in is not JSON", e);
        }
        return answer.headers()
                .firstValue("X-Subject-Token")
                .orElseThrow(() -> new KeystoneUnavailableException(
                        "Keystone's answer to the service's sign-in has no token", null));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new KeystoneUnavailableException(
                    "Keystone at " + settings.url() + " did not accept a connection within "
                            + settings.connectTimeout().toMillis() + " ms (connectTimeoutSeconds)",
                    e);
        } catch (HttpTimeoutException e) {
            throw new KeystoneUnavailableException(
                    "Keystone at " + settings.url() + " did not answer within "
                            + settings.requestTimeout().toMillis() + " ms (requestTimeoutSeconds)",
                    e);
        } catch (ConnectException e) {
            throw new KeystoneUnavailableException(
                    "Keystone at " + settings.url() + " is unreachable (connection refused or no route):"
                            + " check METERFLOW_KEYSTONE_URL and that Keystone runs",
                    e);
        } catch (IOException e) {
            throw new KeystoneUnavailableException(
                    "Keystone at " + settings.url() + " cannot be reached: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoneUnavailableException("interrupted while asking Keystone", e);
        }
    }
}
