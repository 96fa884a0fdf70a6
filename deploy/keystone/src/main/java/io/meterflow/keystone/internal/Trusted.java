package io.meterflow.keystone.internal;

import io.meterflow.keystone.TokenIdentity;
import java.time.Instant;
import java.util.Objects;

/**
 * A token's identity as Keystone vouched for it, and until when that is trusted without asking
 * again: the validation time plus the cache time, so a revoked token is refused within the cache
 * time. The token may expire before then; its expiry is judged each time it is used.
 */
public record Trusted(TokenIdentity identity, Instant until) {

    public Trusted {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(until, "until");
    }

    /** Whether this is still to be trusted at {@code now}. */
    public boolean isTrustedAt(Instant now) {
        return now.isBefore(until);
    }

    /** The same identity, trusted no later than {@code latest}. */
    public Trusted notAfter(Instant latest) {
        return latest.isBefore(until) ? new Trusted(identity, latest) : this;
    }
}
