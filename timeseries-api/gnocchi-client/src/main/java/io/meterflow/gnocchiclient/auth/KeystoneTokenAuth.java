package io.meterflow.gnocchiclient.auth;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keystone: an {@code X-Auth-Token} asked from {@code tokens} before every request, so the caller
 * decides when a token is renewed (this client never talks to Keystone itself). A token the API
 * refuses with 401 is handed to {@code refusals}, which lets the caller drop it: a revoked service
 * token is then replaced at once rather than at its expiry, and the request is sent once more.
 */
public record KeystoneTokenAuth(Supplier<String> tokens, Consumer<String> refusals) implements GnocchiAuth {

    private static final String HEADER = "X-Auth-Token";

    public KeystoneTokenAuth {
        Objects.requireNonNull(tokens, "tokens");
    }

    /** A token the caller cannot renew (a user's, given on the command line): a 401 is final. */
    public KeystoneTokenAuth(Supplier<String> tokens) {
        this(tokens, null);
    }

    @Override
    public Map<String, String> headers() {
        String token = tokens.get();
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("the Keystone token supplier gave no token");
        }
        return Map.of(HEADER, token);
    }

    @Override
    public boolean refused(Map<String, String> sent) {
        if (refusals == null || !sent.containsKey(HEADER)) {
            return false;
        }
        refusals.accept(sent.get(HEADER));
        return true;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "KeystoneTokenAuth[tokens=<supplier>]";
    }
}
