package io.meterflow.timeseries.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders errors as Gnocchi does: JSON when the client accepts it (gnocchiclient always asks for
 * it), else a small HTML or plain-text page holding the same description.
 */
public final class ErrorResponses {

    private final ObjectMapper json;

    public ErrorResponses(ObjectMapper json) {
        this.json = json;
    }

    public Response render(int status, Object description, HttpHeaders headers) {
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String accept = headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("application/json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", status);
            body.put("title", title);
            body.put("description", description);
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(write(body))
                    .build();
        }
        String text = explanation(status)
                + (description == null ? "" : description instanceof String string ? string : write(description));
        if (accept != null && accept.contains("text/plain") && !accept.contains("text/html")) {
            String page = status + " " + title + "\n\n" + text + "\n";
            return Response.status(status)
                    .type("text/plain; charset=UTF-8")
                    .entity(page)
                    .build();
        }
        // Like webob's error pages, the detail is not HTML-escaped (clients match it as text).
        String page = "<html>\n <head>\n  <title>" + status + " " + title + "</title>\n </head>\n <body>\n  <h1>"
                + status + " " + title + "</h1>\n  " + text + "\n </body>\n</html>";
        return Response.status(status)
                .type("text/html; charset=UTF-8")
                .entity(page)
                .build();
    }

    /** webob's standard explanation, which clients and Gnocchi's tests look for in error pages. */
    private static String explanation(int status) {
        return switch (status) {
            case 400 ->
                "The server could not comply with the request since it is either malformed or otherwise "
                        + "incorrect.\n\n";
            case 401 ->
                "This server could not verify that you are authorized to access the document you "
                        + "requested. Either you supplied the wrong credentials (e.g., bad password), or your browser "
                        + "does not understand how to supply the credentials required.\n\n";
            case 403 -> "Access was denied to this resource.\n\n";
            case 404 -> "The resource could not be found.\n\n";
            case 415 -> "The request media type is not supported by this server.\n\n";
            default -> "";
        };
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
