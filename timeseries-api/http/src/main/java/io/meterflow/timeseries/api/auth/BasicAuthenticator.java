package io.meterflow.timeseries.api.auth;

import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.api.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Gnocchi's {@code basic} mode: the user name of HTTP basic auth is the identity, no password is
 * checked, and the user named {@code admin} holds the admin role. Meant for tests and trusted
 * networks, exactly as in Gnocchi.
 */
public final class BasicAuthenticator implements Authenticator {

    @Override
    public Caller authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            throw ApiException.unauthorized();
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("basic")) {
            throw ApiException.unauthorized();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(parts[1].trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw ApiException.unauthorized();
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        Set<String> roles = user.equals("admin") ? Set.of("admin") : Set.of();
        return new Caller(user, null, null, roles);
    }
}
