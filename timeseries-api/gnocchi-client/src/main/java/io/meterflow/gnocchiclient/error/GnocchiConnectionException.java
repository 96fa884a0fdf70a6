package io.meterflow.gnocchiclient.error;

/**
 * No answer: the connection was refused or broken, the request timed out, or the calling thread
 * was interrupted (its interrupt flag is set again). Unlike an API error, the request may or may
 * not have reached the server.
 */
public class GnocchiConnectionException extends GnocchiException {

    private static final long serialVersionUID = 1L;

    public GnocchiConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
