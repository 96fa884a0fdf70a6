package io.meterflow.timeseries.api;

import io.meterflow.timeseries.failure.ConflictException;
import io.meterflow.timeseries.failure.ForbiddenException;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.failure.NotFoundException;
import io.meterflow.timeseries.failure.TimeseriesFailure;
import io.meterflow.timeseries.failure.UnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The one place where the domain's refusals become Gnocchi's statuses and error shapes. */
public final class FailureMapper implements ExceptionMapper<TimeseriesFailure> {

    private final ErrorResponses errors;

    @Context
    private HttpHeaders headers;

    public FailureMapper(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public Response toResponse(TimeseriesFailure failure) {
        ApiException answer = answer(failure);
        Response response = errors.render(answer.status(), answer.description(), headers);
        if (failure instanceof UnavailableException unavailable) {
            // Nothing was taken: the client may send the same request again, after this long.
            return Response.fromResponse(response)
                    .header("Retry-After", unavailable.retryAfterSeconds())
                    .build();
        }
        return response;
    }

    /** What Gnocchi answers for each kind of refusal. */
    public static ApiException answer(TimeseriesFailure failure) {
        if (failure instanceof NotFoundException) {
            return ApiException.notFound(failure.getMessage());
        } else if (failure instanceof ConflictException) {
            return ApiException.conflict(failure.getMessage());
        } else if (failure instanceof InvalidInputException invalid) {
            return ApiException.badRequest(
                    invalid.structured().<Object>map(parts -> parts).orElse(invalid.getMessage()));
        } else if (failure instanceof ForbiddenException forbidden) {
            return new ApiException(403, forbidden.description());
        } else if (failure instanceof UnavailableException) {
            return new ApiException(503, failure.getMessage());
        }
        throw new IllegalStateException(
                "no Gnocchi answer for " + failure.getClass().getName());
    }
}
