package io.meterflow.rating.billing;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A billing period: a calendar month in UTC, written {@code 2026-12}. Plans price a project's
 * quantity over one; subscriptions start and end on their boundaries, so a period has one plan.
 */
record BillingPeriod(YearMonth month) {

    static BillingPeriod containing(Instant instant) {
        return new BillingPeriod(YearMonth.from(instant.atZone(ZoneOffset.UTC)));
    }

    /** @throws InvalidPlanException unless {@code text} is {@code YYYY-MM} */
    static BillingPeriod parse(String field, String text) {
        if (text == null) {
            throw new InvalidPlanException(field + ": a billing period such as 2026-12 is required");
        }
        try {
            return new BillingPeriod(YearMonth.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidPlanException(field + ": " + text + " is not a billing period such as 2026-12");
        }
    }

    static boolean isBoundary(Instant instant) {
        return containing(instant).start().equals(instant);
    }

    Instant start() {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
