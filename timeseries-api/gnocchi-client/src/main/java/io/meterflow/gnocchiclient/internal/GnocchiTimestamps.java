package io.meterflow.gnocchiclient.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/** Gnocchi's time formats: how it prints instants, and how it wants durations in query strings. */
public final class GnocchiTimestamps {

    private GnocchiTimestamps() {}

    /**
     * Reads an instant as Gnocchi prints it ({@code 2015-03-06T14:33:57+00:00}, with or without
     * microseconds). A time without offset is UTC, as Gnocchi stores every time in UTC.
     */
    public static Instant parse(String text) {
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException invalid) {
            throw new IllegalArgumentException("not a Gnocchi timestamp: '" + text + "'", invalid);
        }
    }

    /** Seconds, as Gnocchi's {@code granularity} and {@code resample} parameters take them: 300, 0.5. */
    public static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds())
                .add(BigDecimal.valueOf(duration.getNano(), 9))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A granularity Gnocchi printed as seconds (a JSON number), as a Duration. */
    public static Duration ofSeconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
