package io.meterflow.reports.invoice;

/** An action the invoice's state does not allow: issuing an issued invoice, deleting a paid one. */
public final class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(InvoiceStatus status, InvoiceAction action) {
        super("a " + status.apiName() + " invoice cannot be "
                + switch (action) {
                    case RECOMPUTE -> "recomputed";
                    case DELETE -> "deleted";
                    case ISSUE -> "issued";
                    case MARK_PAID -> "marked paid";
                    case VOID -> "voided";
                    case CREDIT -> "credited";
                }
                + "; allowed: " + status.allowedActions());
    }
}
