package io.meterflow.rating.plan;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a period's charge, as an invoice shows it. The amount is rounded (once, by the
 * plan's policy); quantity and unit price are exact.
 *
 * @param ratingType the rating type the line is about; empty for plan-wide lines (true-up, credit)
 */
public record ChargeLine(
        Kind kind,
        Optional<String> ratingType,
        String description,
        BigDecimal quantity,
        Optional<BigDecimal> unitPrice,
        Money amount) {

    /** What a line is, for grouping and for what finance books it as. */
    public enum Kind {
        USAGE,
        ALLOWANCE,
        DISCOUNT,
        MINIMUM_TRUE_UP,
        CREDIT
    }

    public ChargeLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ratingType, "ratingType");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
    }
}
