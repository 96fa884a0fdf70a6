package io.meterflow.keystone.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-process cache of validated tokens, and of the tokens Keystone refused (a token Keystone
 * once refused, even with {@code allow_expired}, never becomes valid, so a client retrying a bad
 * token does not cost a Keystone call each time). Keyed by the token's hash, never the token;
 * bounded: when full, stale entries go, and if that is not enough everything goes, since asking
 * Keystone again beats growing without bound under a flood of distinct tokens. Thread-safe.
 */
public final class LocalTokenCache {

    private final int capacity;
    private final Map<String, Trusted> trusted = new ConcurrentHashMap<>();
    private final Map<String, Instant> refused = new ConcurrentHashMap<>();

    public LocalTokenCache(int capacity) {
        this.capacity = capacity;
    }

    /** @return the entry for the token's key, or null when there is none still trusted at {@code now} */
    public Trusted trusted(String key, Instant now) {
        Trusted entry = trusted.get(key);
        return entry != null && entry.isTrustedAt(now) ? entry : null;
    }

    public boolean isRefused(String key, Instant now) {
        Instant until = refused.get(key);
        return until != null && now.isBefore(until);
    }

    public void trust(String key, Trusted entry, Instant now) {
        if (!entry.isTrustedAt(now)) {
            return;
        }
        if (trusted.size() >= capacity) {
            trusted.values().removeIf(stale -> !stale.isTrustedAt(now));
            if (trusted.size() >= capacity) {
                trusted.clear();
            }
        }
        trusted.put(key, entry);
    }

    public void refuse(String key, Instant until, Instant now) {
        if (!now.isBefore(until)) {
            return;
        }
        if (refused.size() >= capacity) {
            refused.values().removeIf(stale -> !now.isBefore(stale));
            if (refused.size() >= capacity) {
                refused.clear();
            }
        }
        refused.put(key, until);
    }
}
