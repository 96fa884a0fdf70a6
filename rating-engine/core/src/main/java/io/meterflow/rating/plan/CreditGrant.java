package io.meterflow.rating.plan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Prepaid credit a project can spend: {@code balance} left, usable from {@code effectiveAt} until
 * {@code expiresAt} (exclusive; empty: never expires). Grants are drawn down by {@code priority}
 * (lower first), then the one expiring first, then the oldest.
 */
public record CreditGrant(String id, Money balance, Instant effectiveAt, Optional<Instant> expiresAt, int priority) {

    public CreditGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (balance.amount().signum() < 0) {
            throw new IllegalArgumentException("A credit balance must not be negative: " + balance);
        }
    }

    /** Credit pays for a period if it is in force when the period closes, the moment the period is charged. */
    boolean usableFor(Instant periodEnd) {
        return !effectiveAt.isAfter(periodEnd)
                && expiresAt.map(periodEnd::isBefore).orElse(true);
    }
}
