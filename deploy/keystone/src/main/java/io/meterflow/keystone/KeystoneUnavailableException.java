package io.meterflow.keystone;

/**
 * Keystone could not be asked: unreachable, too slow to answer, answering with an error, or
 * refusing the service's own credentials. The caller answers 503; the message says which and what
 * setting to check, and is meant for the operator's log as much as for the client.
 */
public final class KeystoneUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeystoneUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
