package io.meterflow.timeseries.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The one place where API errors become HTTP responses. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    private final ErrorResponses errors;

    @Context
    private HttpHeaders headers;

    public ApiExceptionMapper(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public Response toResponse(ApiException exception) {
        return errors.render(exception.status(), exception.description(), headers);
    }
}
