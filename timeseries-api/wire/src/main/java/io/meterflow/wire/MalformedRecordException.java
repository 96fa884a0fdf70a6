package io.meterflow.wire;

/**
 * A record value that is not one of this build's formats: unreadable, incomplete, or of another
 * {@code format_version}. The message is the reason a consumer puts on the dead-letter record.
 */
public final class MalformedRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String reason) {
        super(reason);
    }

    public MalformedRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
