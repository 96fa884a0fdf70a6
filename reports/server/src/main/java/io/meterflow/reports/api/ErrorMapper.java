package io.meterflow.reports.api;

import io.meterflow.keystone.KeystoneUnavailableException;
import io.meterflow.reports.database.StorageException;
import io.meterflow.reports.invoice.IllegalTransitionException;
import io.meterflow.reports.ratingsource.RatingEngineException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of the reports API in one shape, Gnocchi's and Dropwizard's
 * {@code {"code": 409, "description": "..."}}, with what the caller can act on (a period not rated
 * yet lists the scopes missing).
 */
public final class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof WebApplicationException web) {
            return answer(web.getResponse().getStatus(), web.getMessage(), Map.of());
        }
        if (error instanceof InvalidInputException) {
            return answer(400, error.getMessage(), Map.of());
        }
        if (error instanceof NotFoundException) {
            return answer(404, error.getMessage(), Map.of());
        }
        if (error instanceof ForbiddenException) {
            return answer(403, error.getMessage(), Map.of());
        }
        if (error instanceof ConflictException conflict && !conflict.missing().isEmpty()) {
            return answer(409, error.getMessage(), Map.of("missing", conflict.missing()));
        }
        if (error instanceof ConflictException || error instanceof IllegalTransitionException) {
            return answer(409, error.getMessage(), Map.of());
        }
        if (error instanceof KeystoneUnavailableException) {
            // The service could not sign in to call the rating API: Keystone is down, not the caller.
            LOG.warn("Keystone not available: {}", error.getMessage());
            return answer(503, "Keystone is not available", Map.of());
        }
        if (error instanceof RatingEngineException) {
            LOG.warn("Rating engine failed: {}", error.getMessage());
            return answer(502, error.getMessage(), Map.of());
        }
        if (error instanceof StorageException storage
                && storage.sqlState() != null
                && storage.sqlState().startsWith("23")) {
            return answer(409, error.getMessage(), Map.of());
        }
        LOG.error("Unexpected error", error);
        return answer(500, "internal error: " + error.getClass().getSimpleName(), Map.of());
    }

    private static Response answer(int status, String description, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("description", description);
        body.putAll(extra);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
