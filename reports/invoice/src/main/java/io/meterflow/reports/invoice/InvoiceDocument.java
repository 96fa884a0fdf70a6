package io.meterflow.reports.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What an invoice says, frozen: the snapshot that is rendered (PDF, CSV, JSON, e-invoice) and,
 * once issued, never changes. A draft has no number yet ({@code number} empty) and no issue date.
 * A credit note names the invoice it corrects and why; its amounts are positive, as EN 16931 wants
 * credit notes, and it reduces what the customer owes.
 */
public record InvoiceDocument(
        DocumentType type,
        String id,
        String number,
        String accountId,
        Issuer issuer,
        Customer customer,
        ServicePeriod period,
        LocalDate issueDate,
        LocalDate dueDate,
        List<InvoiceLine> lines,
        Totals totals,
        String correctedNumber,
        String reason) {

    public InvoiceDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        number = number == null ? "" : number;
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(period, "period");
        lines = List.copyOf(lines);
        Objects.requireNonNull(totals, "totals");
        correctedNumber = correctedNumber == null ? "" : correctedNumber;
        reason = reason == null ? "" : reason;
        if (type == DocumentType.CREDIT_NOTE && correctedNumber.isEmpty()) {
            throw new IllegalArgumentException("a credit note names the invoice it corrects");
        }
    }

    public boolean isIssued() {
        return !number.isEmpty();
    }

    /** This draft, numbered and dated: what issuing freezes. */
    public InvoiceDocument issued(String invoiceNumber, LocalDate issuedOn, LocalDate due) {
        return new InvoiceDocument(
                type,
                id,
                invoiceNumber,
                accountId,
                issuer,
                customer,
                period,
                issuedOn,
                due,
                lines,
                totals,
                correctedNumber,
                reason);
    }
}
