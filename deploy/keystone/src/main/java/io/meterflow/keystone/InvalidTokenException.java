package io.meterflow.keystone;

/**
 * Keystone does not vouch for the token: unknown, expired or revoked, or a service token that is
 * none. The caller answers 401; the message says which, as far as Keystone lets us tell, and is
 * fit to show the client (it never contains the token).
 */
public final class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message);
    }
}
