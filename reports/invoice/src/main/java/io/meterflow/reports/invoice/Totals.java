package io.meterflow.reports.invoice;

import io.meterflow.rating.plan.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An invoice's sums, each rounded once: the lines' sum; the account's discount and the credits
 * drawn, both before tax (EN 16931 document-level allowances); the taxable amount; the tax at the
 * account's rate; and the total payable.
 */
public record Totals(
        Money subtotal,
        Money discount,
        Money credits,
        Money taxable,
        BigDecimal taxRatePercent,
        Money tax,
        Money total) {

    public Totals {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(taxable, "taxable");
        Objects.requireNonNull(taxRatePercent, "taxRatePercent");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(total, "total");
    }

    public boolean isZero() {
        return total.amount().signum() == 0 && subtotal.amount().signum() == 0;
    }
}
