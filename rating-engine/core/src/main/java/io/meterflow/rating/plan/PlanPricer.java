package io.meterflow.rating.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices a project's quantities over a billing period under a plan, in the order finance expects:
 * per charge, the allowance, the model's lines and the discount, each line rounded once; then the
 * subtotal, the true-up to the minimum commitment, and prepaid credits drawn down against what is
 * owed. Pure: the same quantities and grants give the same lines, so the running charge of an open
 * period is this with the quantities so far, and an invoice run freezes the last one.
 */
public final class PlanPricer {

    private static final Comparator<CreditGrant> DRAW_ORDER = Comparator.comparingInt(CreditGrant::priority)
            .thenComparing(grant -> grant.expiresAt().orElse(Instant.MAX))
            .thenComparing(CreditGrant::effectiveAt)
            .thenComparing(CreditGrant::id);

    public PeriodCharge price(
            Plan plan, Map<String, BigDecimal> quantities, List<CreditGrant> credits, Instant periodEnd) {
        Rounding rounding = plan.rounding();
        List<ChargeLine> lines = new ArrayList<>();
        Money subtotal = rounding.round(Money.zero(plan.currency()));
        for (Charge charge : plan.charges()) {
            BigDecimal quantity = quantities.getOrDefault(charge.ratingType(), BigDecimal.ZERO);
            Money chargeTotal = rounding.round(Money.zero(plan.currency()));
            BigDecimal free = charge.freeUnits().min(quantity.max(BigDecimal.ZERO));
            if (free.signum() > 0) {
                lines.add(new ChargeLine(
                        ChargeLine.Kind.ALLOWANCE,
                        Optional.of(charge.ratingType()),
                        "included units",
                        free,
                        Optional.of(BigDecimal.ZERO),
                        // Rounded like every line, so an invoice prints 0.00 as it prints 5.00.
                        rounding.round(Money.zero(plan.currency()))));
            }
            BigDecimal billable = quantity.subtract(free).max(BigDecimal.ZERO);
            for (PricedPart part : charge.model().price(billable)) {
                Money amount = rounding.round(new Money(part.amount(), plan.currency()));
                lines.add(new ChargeLine(
                        ChargeLine.Kind.USAGE,
                        Optional.of(charge.ratingType()),
                        part.description(),
                        part.quantity(),
                        part.unitPrice(),
                        amount));
                chargeTotal = chargeTotal.plus(amount);
            }
            if (charge.discountPercent().signum() > 0 && chargeTotal.isPositive()) {
                Money discount = rounding.round(chargeTotal.times(charge.discountFraction()))
                        .negate();
                lines.add(new ChargeLine(
                        ChargeLine.Kind.DISCOUNT,
                        Optional.of(charge.ratingType()),
                        charge.discountPercent().stripTrailingZeros().toPlainString() + "% discount",
                        BigDecimal.ONE,
                        Optional.empty(),
                        discount));
                chargeTotal = chargeTotal.plus(discount);
            }
            subtotal = subtotal.plus(chargeTotal);
        }
        Money owed = subtotal;
        if (plan.minimumCommitment().isPresent()) {
            Money minimum = rounding.round(plan.minimumCommitment().get());
            if (owed.compareTo(minimum) < 0) {
                Money trueUp = minimum.minus(owed);
                lines.add(new ChargeLine(
                        ChargeLine.Kind.MINIMUM_TRUE_UP,
                        Optional.empty(),
                        "minimum commitment of " + minimum,
                        BigDecimal.ONE,
                        Optional.empty(),
                        trueUp));
                owed = minimum;
            }
        }
        List<PeriodCharge.CreditUse> uses = new ArrayList<>();
        List<CreditGrant> usable = credits.stream()
                .filter(grant -> grant.usableFor(periodEnd))
                .filter(grant -> grant.balance().currency().equals(plan.currency()))
                .sorted(DRAW_ORDER)
                .toList();
        for (CreditGrant grant : usable) {
            if (!owed.isPositive()) {
                break;
            }
            Money used = grant.balance().min(owed);
            if (!used.isPositive()) {
                continue;
            }
            owed = owed.minus(used);
            lines.add(new ChargeLine(
                    ChargeLine.Kind.CREDIT,
                    Optional.empty(),
                    "prepaid credit " + grant.id(),
                    BigDecimal.ONE,
                    Optional.empty(),
                    used.negate()));
            uses.add(
                    new PeriodCharge.CreditUse(grant.id(), used, grant.balance().minus(used)));
        }
        return new PeriodCharge(lines, subtotal, owed, uses);
    }
}
