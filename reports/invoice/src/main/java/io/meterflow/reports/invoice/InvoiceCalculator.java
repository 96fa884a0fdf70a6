package io.meterflow.reports.invoice;

import io.meterflow.rating.plan.Money;
import io.meterflow.rating.plan.Rounding;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Lines and sums from exact amounts, rounding each figure once with the rating engine's rounding:
 * a line's amount from its exact price; the discount from the rounded subtotal; the tax from the
 * rounded taxable amount. The sums of rounded figures are then exact, so what the PDF, the CSV and
 * the e-invoice print adds up to the cent.
 *
 * <p>Order: subtotal, less the account's discount, less credits (never more than what remains),
 * gives the taxable amount; tax on it; total is taxable plus tax. Under reverse charge the rate is
 * 0 and the tax 0.
 */
public final class InvoiceCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int UNIT_PRICE_SCALE = 6;

    private final Rounding rounding;

    public InvoiceCalculator(Rounding rounding) {
        this.rounding = Objects.requireNonNull(rounding, "rounding");
    }

    /** A line of usage priced point by point: its amount is the exact price rounded once. */
    public InvoiceLine line(
            LineKind kind, String service, String description, BigDecimal quantity, String unit, Money exactPrice) {
        Money amount = rounding.round(exactPrice);
        return new InvoiceLine(kind, service, description, quantity, unit, unitPrice(exactPrice, quantity), amount);
    }

    /** A line the rating engine already priced and rounded (a plan's tier, allowance, minimum). */
    public InvoiceLine pricedLine(
            LineKind kind,
            String service,
            String description,
            BigDecimal quantity,
            String unit,
            BigDecimal unitPrice,
            Money amount) {
        return new InvoiceLine(kind, service, description, quantity, unit, unitPrice, rounding.round(amount));
    }

    public Totals totals(
            List<InvoiceLine> lines,
            Currency currency,
            BigDecimal discountPercent,
            Money creditsAvailable,
            TaxTreatment tax) {
        Money subtotal = Money.zero(currency);
        for (InvoiceLine line : lines) {
            subtotal = subtotal.plus(line.amount());
        }
        subtotal = rounding.round(subtotal);
        Money discount = subtotal.isPositive()
                ? rounding.round(subtotal.times(discountPercent.divide(HUNDRED, MathContext.DECIMAL128)))
                : rounding.round(Money.zero(currency));
        Money afterDiscount = subtotal.minus(discount);
        Money credits = afterDiscount.isPositive() && creditsAvailable.isPositive()
                ? rounding.round(creditsAvailable.min(afterDiscount))
                : rounding.round(Money.zero(currency));
        Money taxable = afterDiscount.minus(credits);
        BigDecimal rate = tax.ratePercent();
        Money taxAmount = rounding.round(taxable.times(rate.divide(HUNDRED, MathContext.DECIMAL128)));
        return new Totals(subtotal, discount, credits, taxable, rate, taxAmount, taxable.plus(taxAmount));
    }

    private static BigDecimal unitPrice(Money exactPrice, BigDecimal quantity) {
        if (quantity.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal price = exactPrice.amount().divide(quantity, UNIT_PRICE_SCALE, RoundingMode.HALF_EVEN);
        price = price.stripTrailingZeros();
        return price.scale() < 2 ? price.setScale(2, RoundingMode.UNNECESSARY) : price;
    }
}
