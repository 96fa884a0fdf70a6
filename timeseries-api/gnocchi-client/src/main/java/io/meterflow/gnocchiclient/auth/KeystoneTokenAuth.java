package io.meterflow.gnocchiclient.auth;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Keystone: an {@code X-Auth-Token} asked from {@code tokens} before every request, so the caller
 * decides when a token is renewed (this client never talks to Keystone itself).
 */
public record KeystoneTokenAuth(Supplier<String> tokens) implements GnocchiAuth {

    public KeystoneTokenAuth {
        Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public Map<String, String> headers() {
        String token = tokens.get();
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("the Keystone token supplier gave no token");
        }
        return Map.of("X-Auth-Token", token);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "KeystoneTokenAuth[tokens=<supplier>]";
    }
}
