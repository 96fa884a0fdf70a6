package io.meterflow.timeseries.api.auth;

import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.api.ApiException;
import jakarta.ws.rs.core.SecurityContext;

/** The {@link Caller} a request's security context carries, put there by {@link AuthenticationFilter}. */
public final class Callers {

    private Callers() {}

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
}
