package io.meterflow.timeseries.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unforeseen: logged with an error id the client also receives, answered as 500. */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    private final ErrorResponses errors;

    @Context
    private HttpHeaders headers;

    public UnexpectedExceptionMapper(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public Response toResponse(Throwable failure) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected error {}", errorId, failure);
        return errors.render(500, "Internal error " + errorId + ": see the server log", headers);
    }
}
