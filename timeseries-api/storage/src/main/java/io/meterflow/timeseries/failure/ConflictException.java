package io.meterflow.timeseries.failure;

/** The thing to create exists already: a unique name or id is taken. */
public final class ConflictException extends TimeseriesFailure {

    private static final long serialVersionUID = 1L;

    /** @param sentence what exists already, as the client reads it: "Resource 5f1c… already exists" */
    public ConflictException(String sentence) {
        super(sentence);
    }
}
