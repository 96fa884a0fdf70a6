package io.meterflow.rating.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Refusals the resources raise. */
public final class CloudKittyErrorMapper implements ExceptionMapper<CloudKittyError> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(CloudKittyError error) {
        return ErrorBodies.of(uri, error.status(), error.getMessage());
    }
}
