package io.meterflow.keystone;

/** Keystone does not vouch for the token: unknown, expired or revoked. The caller answers 401. */
public final class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message);
    }
}
