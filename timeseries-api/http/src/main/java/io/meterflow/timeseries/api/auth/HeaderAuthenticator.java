package io.meterflow.timeseries.api.auth;

import io.meterflow.timeseries.access.Caller;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gnocchi's {@code noauth} mode: identity from the {@code X-User-Id}, {@code X-Project-Id} and
 * {@code X-Roles} headers, trusted as sent. Keystone's middleware sets the same headers after
 * validating a token, so the Keystone mode reuses this reading.
 */
public final class HeaderAuthenticator implements Authenticator {

    @Override
    public Caller authenticate(ContainerRequestContext request) {
        String userId = request.getHeaderString("X-User-Id");
        String projectId = request.getHeaderString("X-Project-Id");
        String rolesHeader = request.getHeaderString("X-Roles");
        Set<String> roles = rolesHeader == null
                ? Set.of()
                : Arrays.stream(rolesHeader.split(","))
                        .map(String::trim)
                        .filter(role -> !role.isEmpty())
                        .collect(Collectors.toSet());
        String creator = (userId == null ? "" : userId) + ":" + (projectId == null ? "" : projectId);
        return new Caller(creator, userId, projectId, roles);
    }
}
