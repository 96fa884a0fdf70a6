package io.meterflow.reports.invoice;

/** What may be done to an invoice, as the API lists it under {@code allowed_actions}. */
public enum InvoiceAction {
    RECOMPUTE,
    DELETE,
    ISSUE,
    MARK_PAID,
    VOID,
    CREDIT;

    /** The word the API uses: {@code mark_paid}. */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
