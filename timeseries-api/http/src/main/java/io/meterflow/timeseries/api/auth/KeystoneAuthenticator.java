package io.meterflow.timeseries.api.auth;

import io.meterflow.keystone.InvalidTokenException;
import io.meterflow.keystone.KeystoneTokens;
import io.meterflow.keystone.KeystoneUnavailableException;
import io.meterflow.keystone.TokenIdentity;
import io.meterflow.timeseries.access.Caller;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gnocchi behind keystonemiddleware: every request carries an {@code X-Auth-Token}, validated with
 * the service's own credentials (cached by {@link KeystoneTokens}), and may carry a service's
 * {@code X-Service-Token} beside it; the caller is the token's user,
 * project, domain and roles, and Gnocchi's creator string {@code "user_id:project_id"}. A request
 * without a valid token is answered as keystonemiddleware answers it; one Keystone cannot judge,
 * 503 with the reason.
 */
public final class KeystoneAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(KeystoneAuthenticator.class);

    private final KeystoneTokens tokens;
    private final String keystoneUrl;

    public KeystoneAuthenticator(KeystoneTokens tokens, String keystoneUrl) {
        this.tokens = tokens;
        this.keystoneUrl = keystoneUrl;
    }

    @Override
    public Caller authenticate(ContainerRequestContext request) {
        String token = request.getHeaderString("X-Auth-Token");
        if (token == null || token.isBlank()) {
            throw new AuthenticationRefused("no X-Auth-Token", unauthorized("No X-Auth-Token was sent."));
        }
        TokenIdentity identity;
        try {
            identity = tokens.validate(token.trim(), request.getHeaderString("X-Service-Token"));
        } catch (InvalidTokenException invalid) {
            throw new AuthenticationRefused(invalid.getMessage(), unauthorized(invalid.getMessage()));
        } catch (KeystoneUnavailableException unavailable) {
            LOG.warn("Token not validated: {}", unavailable.getMessage());
            throw new AuthenticationRefused(unavailable.getMessage(), unavailable());
        }
        String userId = identity.userId();
        String projectId = identity.projectId();
        return new Caller(
                (userId == null ? "" : userId) + ":" + (projectId == null ? "" : projectId),
                userId,
                projectId,
                identity.domainId(),
                Set.copyOf(identity.roles()),
                true);
    }

    /**
     * keystonemiddleware's answer to a request without a valid token, naming where to get one;
     * its message is followed by why this token was refused.
     */
    private Response unauthorized(String reason) {
        return Response.status(401)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("WWW-Authenticate", "Keystone uri=\"" + keystoneUrl + "\"")
                .entity(error(401, "Unauthorized", "The request you have made requires authentication. " + reason))
                .build();
    }

    private static Response unavailable() {
        return Response.status(503)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error(
                        503,
                        "Service Unavailable",
                        "The token could not be validated: Keystone is not available. Try again later."))
                .build();
    }

    private static Map<String, Object> error(int code, String title, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("title", title);
        error.put("message", message);
        return Map.of("error", error);
    }
}
