package io.meterflow.gnocchiclient.error;

/**
 * A success status with a body this client cannot read (not JSON, or not the shape Gnocchi
 * documents): most likely not a Gnocchi API at the configured URL.
 */
public final class GnocchiResponseException extends GnocchiException {

    private static final long serialVersionUID = 1L;

    public GnocchiResponseException(String message) {
        super(message);
    }

    public GnocchiResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
