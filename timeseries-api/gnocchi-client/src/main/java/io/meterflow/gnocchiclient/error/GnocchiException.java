package io.meterflow.gnocchiclient.error;

/**
 * Anything this client throws about a call: the server answered an error
 * ({@link GnocchiApiException} and its subclasses), could not be reached
 * ({@link GnocchiConnectionException}), or answered something unreadable
 * ({@link GnocchiResponseException}). Unchecked, as Jackson's and java.net.http's callers expect.
 */
public class GnocchiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GnocchiException(String message) {
        super(message);
    }

    public GnocchiException(String message, Throwable cause) {
        super(message, cause);
    }
}
