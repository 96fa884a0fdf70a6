package io.meterflow.reports.portal.usage;

import io.meterflow.reports.portal.BackendUnavailableException;

/** The time-series API could not be read. */
public final class UsageUnavailableException extends BackendUnavailableException {

    public UsageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
