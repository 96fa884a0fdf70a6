package io.meterflow.timeseries.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Jersey's own errors (unknown route, wrong method, unsupported media type) in Gnocchi's shape. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private final ErrorResponses errors;

    @Context
    private HttpHeaders headers;

    public WebApplicationExceptionMapper(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Object description = status == 404 ? null : "";
        Response rendered = errors.render(status, description, headers);
        Response.ResponseBuilder builder = Response.fromResponse(rendered);
        if (original.getHeaderString("Allow") != null) {
            builder.header("Allow", original.getHeaderString("Allow"));
        }
        return builder.build();
    }
}
