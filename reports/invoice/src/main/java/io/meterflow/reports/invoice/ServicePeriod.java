package io.meterflow.reports.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The period an invoice bills, in the billing time zone: from {@code start} (inclusive) to
 * {@code end} (exclusive), both local dates. A calendar month in Europe/Berlin is not the UTC
 * month: its instants are what usage is summed over.
 */
public record ServicePeriod(LocalDate start, LocalDate end, ZoneId zone) {

    public ServicePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("period: end " + end + " is not after start " + start);
        }
    }

    public static ServicePeriod month(YearMonth month, ZoneId zone) {
        return new ServicePeriod(month.atDay(1), month.plusMonths(1).atDay(1), zone);
    }

    public Instant startInstant() {
        return start.atStartOfDay(zone).toInstant();
    }

    public Instant endInstant() {
        return end.atStartOfDay(zone).toInstant();
    }

    /** The last day billed, as invoices print it. */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    /** The calendar month in UTC whose plan charge the rating engine keeps, when this period is one. */
    public boolean isUtcCalendarMonth() {
        return start.getDayOfMonth() == 1
                && end.equals(start.plusMonths(1))
                && zone.getRules().getOffset(startInstant()).getTotalSeconds() == 0;
    }
}
