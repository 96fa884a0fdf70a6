package io.meterflow.timeseries.api.auth;

import jakarta.ws.rs.core.Response;

/**
 * A request refused before any resource runs, with the answer to give: keystonemiddleware's 401
 * for a missing or invalid token, 503 when Keystone cannot be asked. Never access, never a 500.
 */
public final class AuthenticationRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Response response;

    public AuthenticationRefused(String reason, Response response) {
        super(reason, null, false, false);
        this.response = response;
    }

    public Response response() {
        return response;
    }
}
