package io.meterflow.reports.invoice;

/** Where an invoice line comes from. */
public enum LineKind {
    /** A rating type's usage in the period, as the hashmap priced it. */
    USAGE,
    /** A line of a pricing plan's charge: allowance, tier, package, minimum commitment. */
    PLAN,
    /** Usage of an earlier, already invoiced period that was rated after its invoice was issued. */
    ADJUSTMENT
}
