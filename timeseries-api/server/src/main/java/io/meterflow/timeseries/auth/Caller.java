package io.meterflow.timeseries.auth;

import io.meterflow.timeseries.api.ApiException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/**
 * Who sent a request. {@code creator} is the string Gnocchi records as creator: the user name in
 * basic mode, {@code "user_id:project_id"} when identity comes from headers (noauth, Keystone).
 */
public record Caller(String creator, String userId, String projectId, Set<String> roles) implements Principal {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /**
     * The caller of a request. Gnocchi asks for credentials only where a handler needs them, so
     * an unauthenticated request fails with 401 here rather than in the filter.
     */
    public static Caller from(SecurityContext security) {
        if (security.getUserPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw ApiException.unauthorized();
    }

    /** The caller if the request carried an identity, else null. */
    public static Caller optional(SecurityContext security) {
        return security.getUserPrincipal() instanceof Caller caller ? caller : null;
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    @Override
    public String getName() {
        return creator;
    }
}
