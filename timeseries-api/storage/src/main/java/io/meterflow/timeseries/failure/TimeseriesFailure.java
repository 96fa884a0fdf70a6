package io.meterflow.timeseries.failure;

/**
 * What the time-series domain refuses, in its own words: services, DAOs and the stream jobs throw
 * these, and never an HTTP status. The Gnocchi API turns each kind into Gnocchi's status and error
 * shape in one place ({@code api.FailureMapper}); the sample ingest turns them into dead-letter
 * reasons.
 */
public abstract sealed class TimeseriesFailure extends RuntimeException
        permits NotFoundException, ConflictException, InvalidInputException, ForbiddenException, UnavailableException {

    private static final long serialVersionUID = 1L;

    TimeseriesFailure(String message) {
        super(message);
    }
}
