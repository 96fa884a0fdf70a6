package io.meterflow.rating.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A failure of ours: logged with its stack, answered 500 without internals. */
public final class UnexpectedErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(RuntimeException error) {
        if (error instanceof CloudKittyError refused) {
            return ErrorBodies.of(uri, refused.status(), refused.getMessage());
        }
        if (error instanceof jakarta.ws.rs.WebApplicationException web) {
            return new WebApplicationErrorMapper().toResponse(web);
        }
        LOG.error("Request {} failed", uri == null ? "?" : uri.getPath(), error);
        return ErrorBodies.of(uri, 500, "Internal Server Error");
    }
}
