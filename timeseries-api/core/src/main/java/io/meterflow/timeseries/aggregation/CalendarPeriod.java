package io.meterflow.timeseries.aggregation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Gnocchi's calendar groupings for resampling: periods of unequal length, starting on UTC
 * calendar boundaries. Weeks start on Sunday, as in Gnocchi.
 */
public enum CalendarPeriod {
    YEAR("Y"),
    HALF_YEAR("H"),
    QUARTER("Q"),
    MONTH("M"),
    WEEK("W");

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String code;

    CalendarPeriod(String code) {
        this.code = code;
    }

    /** The letter Gnocchi uses in queries and in place of a granularity in answers. */
    public String code() {
        return code;
    }

    public static CalendarPeriod fromCode(String code) {
        for (CalendarPeriod period : values()) {
            if (period.code.equals(code)) {
                return period;
            }
        }
        return null;
    }

    /** Start of the period holding {@code timestamp} (nanoseconds since the epoch). */
    public long floor(long timestamp) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(timestamp, 86_400 * NANOS_PER_SECOND));
        LocalDate start = switch (this) {
            case YEAR -> day.withDayOfYear(1);
            case HALF_YEAR -> LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case MONTH -> day.withDayOfMonth(1);
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        };
        return start.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * NANOS_PER_SECOND;
    }
}
