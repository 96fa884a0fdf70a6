package io.meterflow.rating.plan;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One tier of a tiered price: the units up to {@code upTo} (inclusive; empty for the last, open
 * tier) at {@code unitPrice} each, plus {@code flatFee} once when usage reaches the tier.
 */
public record Tier(Optional<BigDecimal> upTo, BigDecimal unitPrice, BigDecimal flatFee) {

    public Tier {
        Objects.requireNonNull(upTo, "upTo");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(flatFee, "flatFee");
        upTo.ifPresent(limit -> {
            if (limit.signum() <= 0) {
                throw new IllegalArgumentException("A tier's upper bound must be positive: " + limit);
            }
        });
        if (unitPrice.signum() < 0 || flatFee.signum() < 0) {
            throw new IllegalArgumentException("Tier prices must not be negative");
        }
    }

    public static Tier upTo(String limit, String unitPrice) {
        return new Tier(Optional.of(new BigDecimal(limit)), new BigDecimal(unitPrice), BigDecimal.ZERO);
    }

    public static Tier above(String unitPrice) {
        return new Tier(Optional.empty(), new BigDecimal(unitPrice), BigDecimal.ZERO);
    }

    public Tier withFlatFee(String fee) {
        return new Tier(upTo, unitPrice, new BigDecimal(fee));
    }
}
