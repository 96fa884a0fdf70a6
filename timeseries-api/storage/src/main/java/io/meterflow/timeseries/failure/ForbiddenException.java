package io.meterflow.timeseries.failure;

/** The caller is known but may not do this to the thing named (another project's resource, say). */
public final class ForbiddenException extends TimeseriesFailure {

    private static final long serialVersionUID = 1L;

    public ForbiddenException() {
        super("forbidden");
    }
}
