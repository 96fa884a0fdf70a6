package io.meterflow.reports.portal;

/**
 * A service the portal reads from (rating API, time-series API) could not answer. The tenant gets a
 * 503 page naming nothing internal; the cause goes to the log.
 */
public class BackendUnavailableException extends RuntimeException {

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
