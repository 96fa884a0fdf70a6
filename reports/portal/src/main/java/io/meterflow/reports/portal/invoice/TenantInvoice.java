package io.meterflow.reports.portal.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * An issued invoice as the tenant sees it in the list.
 *
 * @param id          the id its downloads are asked by
 * @param number      the legal invoice number
 * @param periodStart first day of the service period
 * @param periodEnd   last day of the service period (inclusive)
 * @param issueDate   the invoice date
 * @param status      e.g. {@code issued}, {@code paid}, {@code void}
 */
public record TenantInvoice(
        String id,
        String number,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate issueDate,
        String status,
        BigDecimal total,
        Currency currency) {

    public TenantInvoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
    }
}
