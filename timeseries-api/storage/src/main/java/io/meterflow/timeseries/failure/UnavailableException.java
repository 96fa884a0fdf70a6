package io.meterflow.timeseries.failure;

/**
 * A service the write depends on did not take it (Kafka did not acknowledge, say): nothing was
 * accepted, and the same request may be sent again.
 */
public final class UnavailableException extends TimeseriesFailure {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String reason) {
        super(reason);
    }
}
