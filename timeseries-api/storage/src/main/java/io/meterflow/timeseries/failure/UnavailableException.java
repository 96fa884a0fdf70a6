package io.meterflow.timeseries.failure;

/**
 * A service the write depends on did not take it (Kafka did not acknowledge, say): nothing was
 * accepted, and the same request may be sent again.
 */
public final class UnavailableException extends TimeseriesFailure {

    private static final long serialVersionUID = 1L;

    /** Long enough for a broker's leader election or a restart's first seconds, short enough for a client's patience. */
    private static final int RETRY_AFTER_SECONDS = 5;

    public UnavailableException(String reason) {
        super(reason);
    }

    /** For the answer's {@code Retry-After}. */
    public int retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
