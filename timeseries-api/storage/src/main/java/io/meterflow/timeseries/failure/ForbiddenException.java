package io.meterflow.timeseries.failure;

/** The policy refuses the call: Gnocchi's 403, with its description ({@code ""} unless it gives one). */
public final class ForbiddenException extends TimeseriesFailure {

    private static final long serialVersionUID = 1L;

    private final String description;

    public ForbiddenException() {
        this("");
    }

    public ForbiddenException(String description) {
        super(description.isEmpty() ? "forbidden" : description);
        this.description = description;
    }

    public String description() {
        return description;
    }
}
