package io.meterflow.gnocchiclient.auth;

import java.util.Map;

/**
 * How a request proves who sends it. Gnocchi reads identity from headers only, so each mode is
 * the set of headers it adds; they are computed per request so a token supplier can refresh.
 */
public sealed interface GnocchiAuth permits BasicAuth, NoAuth, KeystoneTokenAuth {

    /** The headers to add to the next request. */
    Map<String, String> headers();

    /**
     * The API answered 401 to a request sent with {@code sent}. Returns whether the next
     * {@link #headers()} may be accepted, so that the request is worth sending once more: true only
     * where what was refused can be renewed (a Keystone token revoked before it expired).
     */
    default boolean refused(Map<String, String> sent) {
        return false;
    }
}
