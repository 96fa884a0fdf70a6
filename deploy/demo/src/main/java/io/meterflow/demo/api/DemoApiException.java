package io.meterflow.demo.api;

/** A service answered the demo with an error, or could not be reached. */
public final class DemoApiException extends RuntimeException {

    public DemoApiException(String message) {
        super(message);
    }

    public DemoApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
