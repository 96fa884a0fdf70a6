package io.meterflow.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A month-to-date invoice of a demo billing account, issued by this start or found issued by an
 * earlier one.
 *
 * @param number empty for an invoice of zero, which the reports service skips without a number
 * @param issuedNow false when an earlier start had issued it already
 */
public record DemoInvoice(
        String accountId,
        String invoiceId,
        String number,
        String status,
        LocalDate periodStart,
        LocalDate periodEnd,
        String total,
        String currency,
        boolean issuedNow) {

    public DemoInvoice {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        number = number == null ? "" : number;
    }
}
