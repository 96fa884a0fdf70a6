package io.meterflow.demo.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The days a month-to-date invoice covers, [start, end) in the billing time zone. The reports
 * service invoices whole days, so the period ends at the last midnight the rating engine has
 * rated through, not at the last rated hour.
 */
public record InvoicePeriod(LocalDate start, LocalDate end) {

    public InvoicePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("an invoice period must not be empty: " + start + "/" + end);
        }
    }

    /**
     * From the first of the month to the last midnight before {@code ratedThrough}. On the first
     * day of a month that is empty; then the period starts at the history's first day instead (in
     * the month before), so a demo started on the 1st still shows an invoice. The history always
     * reaches six hours back past a midnight (DemoStateStore) for this reason.
     */
    public static InvoicePeriod monthToDate(Instant ratedThrough, Instant historyStart, ZoneId zone) {
        LocalDate end = ratedThrough.atZone(zone).toLocalDate();
        LocalDate start = end.withDayOfMonth(1);
        if (!start.isBefore(end)) {
            start = historyStart.atZone(zone).toLocalDate();
        }
        return new InvoicePeriod(start, end);
    }
}
