package io.meterflow.timeseries.api.auth;

import io.meterflow.timeseries.access.Caller;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Turns a request's credentials into a {@link Caller}. One implementation per auth mode; the
 * Keystone mode (token validation) plugs in here.
 */
public interface Authenticator {

    /** Returns the caller, or throws a 401 ApiException when the request carries no identity. */
    Caller authenticate(ContainerRequestContext request);
}
