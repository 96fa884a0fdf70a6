package io.meterflow.reports.portal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The portal's settings, checked at boot with every problem reported at once.
 *
 * @param linkSecret         key of the signed links' HMAC-SHA256; at least 32 characters, random,
 *                           never logged. Rotating it invalidates every link handed out
 * @param defaultCurrency    shown when the project has no plan charge to take the currency from
 * @param sessionIdleTimeout a session unused this long is gone ({@link #DEFAULT_SESSION_IDLE_TIMEOUT})
 * @param maxSessions        sessions kept at most; the least recently used goes first ({@link #DEFAULT_MAX_SESSIONS})
 * @param cacheTtl           how long a project's cost figures are reused ({@link #DEFAULT_CACHE_TTL}; 0: never)
 * @param secureCookie       mark the session cookie Secure: true whenever the portal is reached over TLS
 */
public record PortalConfig(
        String linkSecret,
        Currency defaultCurrency,
        Duration sessionIdleTimeout,
        int maxSessions,
        Duration cacheTtl,
        boolean secureCookie) {

    public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final int DEFAULT_MAX_SESSIONS = 10_000;
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(5);

    public PortalConfig {
        List<String> problems = new ArrayList<>();
        if (linkSecret == null || linkSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            problems.add("linkSecret must hold at least 32 bytes (e.g. `openssl rand -base64 32`)");
        }
        if (defaultCurrency == null) {
            problems.add("defaultCurrency is missing (an ISO 4217 code)");
        }
        if (sessionIdleTimeout == null || sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
            problems.add("sessionIdleTimeout must be positive, got " + sessionIdleTimeout);
        }
        if (maxSessions < 1) {
            problems.add("maxSessions must be at least 1, got " + maxSessions);
        }
        if (cacheTtl == null || cacheTtl.isNegative() || cacheTtl.compareTo(Duration.ofMinutes(5)) > 0) {
            problems.add("cacheTtl must be from 0 to 5 minutes, got " + cacheTtl);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid portal configuration: " + String.join("; ", problems));
        }
    }

    /** The defaults, with the two settings that have none. */
    public static PortalConfig of(String linkSecret, Currency defaultCurrency) {
        return new PortalConfig(
                linkSecret,
                defaultCurrency,
                DEFAULT_SESSION_IDLE_TIMEOUT,
                DEFAULT_MAX_SESSIONS,
                DEFAULT_CACHE_TTL,
                false);
    }

    public PortalConfig withCacheTtl(Duration ttl) {
        return new PortalConfig(linkSecret, defaultCurrency, sessionIdleTimeout, maxSessions, ttl, secureCookie);
    }

    public PortalConfig withSecureCookie(boolean secure) {
        return new PortalConfig(linkSecret, defaultCurrency, sessionIdleTimeout, maxSessions, cacheTtl, secure);
    }

    @Override
    public String toString() {
        // Never print the secret (configuration dumps, logs).
        return "PortalConfig[defaultCurrency=" + defaultCurrency + ", sessionIdleTimeout=" + sessionIdleTimeout
                + ", maxSessions=" + maxSessions + ", cacheTtl=" + cacheTtl + ", secureCookie=" + secureCookie + "]";
    }
}
