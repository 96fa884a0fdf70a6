package io.meterflow.keystone;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
    private final ServiceToken service;

    KeystoneHttp(KeystoneSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.service = new ServiceToken(settings, http, Clock.systemUTC());
    }

    /** The service user's id, signing in first if it has not yet. */
    String serviceUserId() {
        return service.userId();
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
            String token = service.current();
            HttpRequest.Builder request = HttpRequest.newBuilder(settings.resolve(pathAndQuery))
                    .timeout(settings.requestTimeout())
                    .header("X-Auth-Token", token)
                    .header("Accept", "application/json")
                    .GET();
            if (subjectToken != null) {
                request.header("X-Subject-Token", subjectToken);
            }
            HttpResponse<String> answer = send(http, settings, request.build());
            if (answer.statusCode() != 401) {
                return answer;
            }
            LOG.debug("Keystone no longer takes the service token; signing in again");
            service.refused(token);
        }
        throw new KeystoneUnavailableException(
                "Keystone refuses the service's token right after signing in as " + settings.user()
                        + ": check METERFLOW_KEYSTONE_USER, _PASSWORD, _PROJECT and _DOMAIN",
                null);
    }

    /** Sends a request to Keystone, turning every way of getting no answer into a reason that names what to check. */
    static HttpResponse<String> send(HttpClient http, KeystoneSettings settings, HttpRequest request) {
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
