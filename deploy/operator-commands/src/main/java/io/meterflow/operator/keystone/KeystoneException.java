package io.meterflow.operator.keystone;

/**
 * Keystone could not be reached, refused the credentials, or refused a call. The message is one
 * line an operator can act on: the commands print it instead of a stack trace.
 */
public final class KeystoneException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** Keystone's answer was fine but says something the command cannot go on with. */
    public KeystoneException(String message) {
        this(message, 0);
    }

    KeystoneException(String message, int status) {
        super(message);
        this.status = status;
    }

    KeystoneException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** Keystone's HTTP status; 0 when there was no answer. */
    public int status() {
        return status;
    }
}
