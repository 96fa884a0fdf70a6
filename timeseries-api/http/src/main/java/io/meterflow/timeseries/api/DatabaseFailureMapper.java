package io.meterflow.timeseries.api;

import io.meterflow.timeseries.database.DatabaseException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database that is restarting or failing over answers 503 with Retry-After, so clients retry
 * the write instead of taking a 500 as final; any other database failure stays a logged 500.
 */
public final class DatabaseFailureMapper implements ExceptionMapper<DatabaseException> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureMapper.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    private final ErrorResponses errors;

    @Context
    private HttpHeaders headers;

    public DatabaseFailureMapper(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public Response toResponse(DatabaseException failure) {
        if (failure.unavailable()) {
            LOG.warn("Database unavailable: {}", failure.getMessage());
            return Response.fromResponse(errors.render(503, "The database is unavailable. Please try again.", headers))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected error {}", errorId, failure);
        return errors.render(500, "Internal error " + errorId + ": see the server log", headers);
    }
}
