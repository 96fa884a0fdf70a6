package io.meterflow.gnocchiclient.error;

/** The connect or request time-out of the configuration passed before an answer came. */
public final class GnocchiTimeoutException extends GnocchiConnectionException {

    private static final long serialVersionUID = 1L;

    public GnocchiTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
