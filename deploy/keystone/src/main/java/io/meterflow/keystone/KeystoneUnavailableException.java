package io.meterflow.keystone;

/** Keystone could not be asked (down, refusing the service's credentials): the caller answers 503. */
public final class KeystoneUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeystoneUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
