package io.meterflow.reports.portal.cost;

import io.meterflow.reports.portal.BackendUnavailableException;

/** The rating API could not be read (down, or an unexpected answer): the page cannot be shown. */
public final class RatingUnavailableException extends BackendUnavailableException {

    public RatingUnavailableException(String message) {
        super(message, null);
    }

    public RatingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
