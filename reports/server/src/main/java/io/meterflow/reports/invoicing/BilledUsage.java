package io.meterflow.reports.invoicing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Rated usage an invoice bills: a project's quantity and exact price of one rating type over the
 * rated window [begin, end). Issued invoices keep these, so a later, larger rating of the same
 * window shows as late usage.
 */
public record BilledUsage(
        Instant begin, Instant end, String projectId, String type, BigDecimal quantity, BigDecimal price) {

    /** The window, project and type this usage is about. */
    public record Key(Instant begin, Instant end, String projectId, String type) {}

    public Key key() {
        return new Key(begin, end, projectId, type);
    }
}
