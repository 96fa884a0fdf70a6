package io.meterflow.reports.api;

/** 403: the policy does not let the caller do this. */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String rule) {
        super("Policy doesn't allow " + rule + " to be performed.");
    }
}
