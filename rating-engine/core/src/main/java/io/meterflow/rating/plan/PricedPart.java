package io.meterflow.rating.plan;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a price model's breakdown, exact: {@code quantity} units at {@code unitPrice}, or a
 * fixed amount (a tier's flat fee, a package) without a unit price.
 */
public record PricedPart(String description, BigDecimal quantity, Optional<BigDecimal> unitPrice, BigDecimal amount) {

    public PricedPart {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
    }

    static PricedPart units(String description, BigDecimal quantity, BigDecimal unitPrice) {
        return new PricedPart(description, quantity, Optional.of(unitPrice), quantity.multiply(unitPrice));
    }

    static PricedPart fixed(String description, BigDecimal quantity, BigDecimal amount) {
        return new PricedPart(description, quantity, Optional.empty(), amount);
    }
}
