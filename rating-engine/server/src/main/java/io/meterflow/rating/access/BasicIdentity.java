package io.meterflow.rating.access;

import io.meterflow.keystone.InvalidTokenException;
import io.meterflow.keystone.TokenIdentity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The identity of {@code METERFLOW_AUTH_MODE=basic}, the development mode every Meterflow API
 * shares (Gnocchi's basic mode on the time-series API): the user name of an HTTP Basic header is
 * the identity and its project, with the member and reader roles; {@code admin} is the admin. No
 * password is checked: it is for a laptop and the all-in-one, never for production.
 */
final class BasicIdentity {

    private BasicIdentity() {}

    static TokenIdentity of(String authorization) throws InvalidTokenException {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new InvalidTokenException("no Basic credentials");
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        if (user.isBlank()) {
            throw new InvalidTokenException("an empty user name");
        }
        if (user.equals("admin")) {
            return new TokenIdentity(user, user, null, null, List.of("admin", "member", "reader"), true, Instant.MAX);
        }
        return new TokenIdentity(user, user, user, null, List.of("member", "reader"), false, Instant.MAX);
    }

    /** The 401 of Gnocchi's basic mode, which asks the client for Basic credentials. */
    static Response unauthorized() {
        return Response.status(401)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("WWW-Authenticate", "Basic realm=\"meterflow\"")
                .entity(Map.of(
                        "error",
                        Map.of(
                                "code", 401,
                                "title", "Unauthorized",
                                "message", "The request you have made requires authentication.")))
                .build();
    }
}
