package io.meterflow.rating.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Jersey's own refusals (unknown path, wrong method, unreadable body) in CloudKitty's shapes. */
public final class WebApplicationErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException error) {
        int status = error.getResponse().getStatus();
        String message = error.getCause() instanceof JsonProcessingException json
                ? "Invalid JSON body: " + json.getOriginalMessage()
                : error.getResponse().getStatusInfo().getReasonPhrase();
        Response answer = ErrorBodies.of(uri, status, message);
        if (status == 405 && error.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(answer)
                    .header("Allow", error.getResponse().getHeaderString("Allow"))
                    .build();
        }
        return answer;
    }
}
