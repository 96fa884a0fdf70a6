package io.meterflow.timeseries.failure;

/** The thing asked for does not exist (or the caller may not know that it does). */
public final class NotFoundException extends TimeseriesFailure {

    private static final long serialVersionUID = 1L;

    /** @param sentence what does not exist, as the client reads it: "Metric 5f1c… does not exist" */
    public NotFoundException(String sentence) {
        super(sentence);
    }
}
