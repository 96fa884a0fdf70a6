package io.meterflow.reports.invoice;

import io.meterflow.rating.plan.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line: what was used ({@code service}, a rating type such as {@code instance}), how much of
 * it in which unit, at which unit price, for which amount. The amount is already rounded once; the
 * unit price is informative (amount over quantity where the usage was priced point by point).
 */
public record InvoiceLine(
        LineKind kind,
        String service,
        String description,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPrice,
        Money amount) {

    public InvoiceLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(service, "service");
        description = description == null ? "" : description;
        Objects.requireNonNull(quantity, "quantity");
        unit = unit == null ? "" : unit;
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
    }
}
