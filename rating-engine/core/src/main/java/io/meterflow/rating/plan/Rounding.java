package io.meterflow.rating.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a charge line's amount is rounded, once, after it has been computed exactly: to the
 * currency's minor unit (or a scale finance chose) with one rounding mode. Unit prices and
 * quantities are never rounded.
 *
 * @param scale digits after the decimal point; empty means the currency's own (2 for EUR, 0 for JPY)
 */
public record Rounding(OptionalInt scale, RoundingMode mode) {

    /** Half up to the currency's minor unit, as Kill Bill and most invoicing do. */
    public static final Rounding CURRENCY_HALF_UP = new Rounding(OptionalInt.empty(), RoundingMode.HALF_UP);

    public Rounding {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(mode, "mode");
        if (mode == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("A rounding policy must round");
        }
    }

    public Money round(Money money) {
        int digits = scale.orElse(Math.max(0, money.currency().getDefaultFractionDigits()));
        BigDecimal rounded = money.amount().setScale(digits, mode);
        return new Money(rounded, money.currency());
    }
}
