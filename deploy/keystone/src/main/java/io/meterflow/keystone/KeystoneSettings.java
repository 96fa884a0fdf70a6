package io.meterflow.keystone;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Keystone is and who the service is there: what keystonemiddleware's {@code [keystone_authtoken]}
 * holds. The service user must be allowed to validate tokens (Keystone's {@code service} or
 * {@code admin} role).
 *
 * @param url the Identity v3 endpoint, e.g. {@code http://127.0.0.1:5000/v3}
 * @param cacheTime how long a validated token is trusted before Keystone is asked again
 *     (keystonemiddleware's {@code token_cache_time}): a revoked token is refused within it
 */
public record KeystoneSettings(
        URI url, String user, String password, String project, String domain, Duration cacheTime) {

    public KeystoneSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(cacheTime, "cacheTime");
        if (cacheTime.isNegative()) {
            throw new IllegalArgumentException("cacheTime must not be negative");
        }
    }

    URI resolve(String path) {
        String base = url.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }
}
