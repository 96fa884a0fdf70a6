package io.meterflow.rating.plan;

import java.util.List;
import java.util.Objects;

/**
 * A project's charge under a plan for one billing period: the lines, and what remains of each
 * credit grant drawn on.
 *
 * @param subtotal usage after allowances and discounts, before the minimum and credits
 * @param total what is owed: subtotal, plus the true-up to the minimum, minus credits
 */
public record PeriodCharge(List<ChargeLine> lines, Money subtotal, Money total, List<CreditUse> creditUses) {

    public PeriodCharge {
        lines = List.copyOf(lines);
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(total, "total");
        creditUses = List.copyOf(creditUses);
    }

    /** How much of a grant this period used, and what it has left. */
    public record CreditUse(String grantId, Money used, Money remaining) {}
}
