package io.meterflow.reports.invoicing;

import io.meterflow.rating.plan.Money;
import io.meterflow.reports.account.BillingAccount;
import io.meterflow.reports.api.ConflictException;
import io.meterflow.reports.invoice.DocumentType;
import io.meterflow.reports.invoice.InvoiceCalculator;
import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.invoice.InvoiceLine;
import io.meterflow.reports.invoice.Issuer;
import io.meterflow.reports.invoice.LineKind;
import io.meterflow.reports.invoice.ServicePeriod;
import io.meterflow.reports.invoice.Totals;
import io.meterflow.reports.ratingsource.PlanCharge;
import io.meterflow.reports.ratingsource.RatedUsage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account's invoice for a period, from what the rating engine rated: a usage line per rating
 * type over the account's projects priced point by point (hashmap); a project on a pricing plan
 * gets its plan charge's lines instead, and the credit its charge drew; then late usage of earlier
 * invoiced periods as adjustment lines. Pure: the caller fetched everything.
 */
public final class AccountInvoice {

    /** A draft's content: the document and the usage it bills. */
    public record Draft(InvoiceDocument document, List<BilledUsage> billed) {}

    private final InvoiceCalculator calculator;

    public AccountInvoice(InvoiceCalculator calculator) {
        this.calculator = calculator;
    }

    public Draft draft(
            String id,
            BillingAccount account,
            Issuer issuer,
            ServicePeriod period,
            List<RatedUsage> usage,
            Map<String, PlanCharge> planCharges,
            List<LateUsage> lateUsage,
            Map<String, String> units) {
        Currency currency = account.customer().currency();
        List<InvoiceLine> lines = new ArrayList<>();
        List<BilledUsage> billed = new ArrayList<>();
        Map<String, BigDecimal[]> byType = new TreeMap<>();
        for (RatedUsage row : usage) {
            billed.add(new BilledUsage(
                    period.startInstant(),
                    period.endInstant(),
                    row.projectId(),
                    row.type(),
                    row.quantity(),
                    row.price()));
            if (!planCharges.containsKey(row.projectId())) {
                BigDecimal[] sums =
                        byType.computeIfAbsent(row.type(), t -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(row.quantity());
                sums[1] = sums[1].add(row.price());
            }
        }
        byType.forEach((type, sums) -> lines.add(calculator.line(
                LineKind.USAGE, type, "", sums[0], units.getOrDefault(type, ""), new Money(sums[1], currency))));
        Money credits = Money.zero(currency);
        for (PlanCharge charge : new TreeMap<>(planCharges).values()) {
            if (!charge.currency().equals(currency.getCurrencyCode())) {
                throw new ConflictException("account " + account.id() + " is billed in " + currency.getCurrencyCode()
                        + " but project " + charge.projectId() + "'s plan " + charge.planCode() + " charges in "
                        + charge.currency());
            }
            for (PlanCharge.Line line : charge.lines()) {
                if (line.kind().equals("credit")) {
                    credits = credits.plus(new Money(line.amount().abs(), currency));
                    continue;
                }
                String service = line.ratingType().isEmpty() ? charge.planCode() : line.ratingType();
                lines.add(calculator.pricedLine(
                        LineKind.PLAN,
                        service,
                        charge.planCode() + ": " + line.description(),
                        line.quantity(),
                        units.getOrDefault(line.ratingType(), ""),
                        line.unitPrice(),
                        new Money(line.amount(), currency)));
            }
        }
        for (LateUsage late : lateUsage) {
            BilledUsage delta = late.delta();
            billed.add(delta);
            lines.add(calculator.line(
                    LineKind.ADJUSTMENT,
                    delta.type(),
                    late.describe(period.zone()),
                    delta.quantity(),
                    units.getOrDefault(delta.type(), ""),
                    new Money(delta.price(), currency)));
        }
        Totals totals = calculator.totals(
                lines,
                currency,
                account.discountPercent(),
                credits,
                account.customer().tax());
        InvoiceDocument document = new InvoiceDocument(
                DocumentType.INVOICE,
                id,
                "",
                account.id(),
                issuer,
                account.customer(),
                period,
                null,
                null,
                lines,
                totals,
                "",
                "");
        return new Draft(document, billed);
    }
}
