package io.meterflow.rating.processor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * How periods are cut and when they are due, CloudKitty's {@code [collect]} options.
 *
 * @param period      the length of a rated period (CloudKitty's {@code period}, one hour by default)
 * @param waitPeriods CloudKitty's {@code wait_periods}: the period starting at T is rated once
 *                    T + waitPeriods periods have passed (2 by default: one hour after an hourly
 *                    period ends, time for late measures to arrive)
 * @param firstPeriod where a scope without state starts; empty: the first day of the current month
 *                    at 00:00 UTC, as in CloudKitty
 */
public record ProcessorSettings(Duration period, int waitPeriods, Optional<Instant> firstPeriod) {

    public ProcessorSettings {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero() || period.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("the period must be a positive number of seconds, got " + period);
        }
        if (waitPeriods < 0) {
            throw new IllegalArgumentException("waitPeriods must not be negative, got " + waitPeriods);
        }
        Objects.requireNonNull(firstPeriod, "firstPeriod");
    }

    /** Where a scope without state starts at {@code now}. */
    public Instant firstPeriod(Instant now) {
        return firstPeriod.orElseGet(() -> ZonedDateTime.ofInstant(now, ZoneOffset.UTC)
                .withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS)
                .toInstant());
    }

    /**
     * Whether the period starting at {@code begin} may be rated at {@code now}: {@code waitPeriods}
     * periods have passed since it began, as CloudKitty counts, and in any case it has ended.
     * CloudKitty rates a period still running when {@code wait_periods} is 0, and a new scope's
     * first period without any check; here neither happens.
     */
    public boolean isDue(Instant begin, Instant now) {
        return !begin.plus(period.multipliedBy(Math.max(1, waitPeriods))).isAfter(now);
    }
}
