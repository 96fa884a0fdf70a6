package io.meterflow.reports.invoice;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * An invoice's lifecycle. A draft is recomputed until it is issued, and may be deleted. Issuing
 * numbers it, or marks it skipped when it totals zero (no number is spent on it). An issued
 * invoice is paid or voided, and corrected only by credit notes; a paid one can still be
 * credited. Voided, skipped and credited-away invoices keep their numbers: the sequence has no gap.
 */
public enum InvoiceStatus {
    DRAFT(EnumSet.of(InvoiceAction.RECOMPUTE, InvoiceAction.DELETE, InvoiceAction.ISSUE)),
    ISSUED(EnumSet.of(InvoiceAction.MARK_PAID, InvoiceAction.VOID, InvoiceAction.CREDIT)),
    PAID(EnumSet.of(InvoiceAction.CREDIT)),
    VOIDED(EnumSet.noneOf(InvoiceAction.class)),
    SKIPPED(EnumSet.noneOf(InvoiceAction.class));

    private final EnumSet<InvoiceAction> allowed;

    InvoiceStatus(EnumSet<InvoiceAction> allowed) {
        this.allowed = allowed;
    }

    public Set<InvoiceAction> allowedActions() {
        return EnumSet.copyOf(allowed);
    }

    /**
     * The state after {@code action}; {@code zeroTotal} decides where issuing leads.
     *
     * @throws IllegalTransitionException when this state does not allow the action
     */
    public InvoiceStatus after(InvoiceAction action, boolean zeroTotal) {
        if (!allowed.contains(action)) {
            throw new IllegalTransitionException(this, action);
        }
        return switch (action) {
            case RECOMPUTE, CREDIT -> this;
            case DELETE -> throw new IllegalStateException("a deleted draft has no state");
            case ISSUE -> zeroTotal ? SKIPPED : ISSUED;
            case MARK_PAID -> PAID;
            case VOID -> VOIDED;
        };
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvoiceStatus fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
