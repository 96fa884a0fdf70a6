package io.meterflow.gnocchiclient.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Gnocchi's {@code basic} auth mode: the user name is the identity and the password is ignored,
 * so it is sent empty ({@code base64("user:")}). User {@code admin} is Gnocchi's administrator.
 */
public record BasicAuth(String user) implements GnocchiAuth {

    public BasicAuth {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("basic auth needs a user name");
        }
        if (user.contains(":")) {
            // The colon separates user from password in the header; Gnocchi would cut the name there.
            throw new IllegalArgumentException("basic auth user name must not contain ':': " + user);
        }
    }

    @Override
    public Map<String, String> headers() {
        String credentials = Base64.getEncoder().encodeToString((user + ":").getBytes(StandardCharsets.UTF_8));
        return Map.of("Authorization", "Basic " + credentials);
    }
}
