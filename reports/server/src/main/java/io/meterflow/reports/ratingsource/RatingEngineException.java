package io.meterflow.reports.ratingsource;

/** The rating engine could not be reached or answered an error: the run stops, nothing is written. */
public final class RatingEngineException extends RuntimeException {

    public RatingEngineException(String message) {
        super(message);
    }

    public RatingEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
