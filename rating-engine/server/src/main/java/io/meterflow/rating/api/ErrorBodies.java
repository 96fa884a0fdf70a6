package io.meterflow.rating.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** CloudKitty's error documents: v1 answers as WSME does, v2 as flask-restful does. */
final class ErrorBodies {

    private ErrorBodies() {}

    static Response of(UriInfo uri, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (uri != null && uri.getPath().startsWith("v2")) {
            body.put("message", message);
        } else {
            body.put("faultcode", status < 500 ? "Client" : "Server");
            body.put("faultstring", message);
            body.put("debuginfo", null);
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
