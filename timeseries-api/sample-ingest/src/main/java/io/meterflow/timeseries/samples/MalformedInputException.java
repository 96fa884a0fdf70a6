package io.meterflow.timeseries.samples;

/**
 * A sample or resource event that cannot be stored as it is: unreadable, incomplete, of another
 * format version, or with an attribute its resource type refuses. The message is the reason the
 * dead-letter record carries; the stream goes on.
 */
final class MalformedInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedInputException(String reason) {
        super(reason);
    }

    MalformedInputException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
