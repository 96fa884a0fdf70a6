package io.meterflow.rating.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Times as CloudKitty reads and writes them: ISO 8601 in the extended or the basic form
 * ({@code 20190723T122810Z}), naive times in UTC (the server runs in UTC), and Python's
 * {@code isoformat()} on the way out.
 */
public final class Timestamps {

    private static final DateTimeFormatter BASIC = new DateTimeFormatterBuilder()
            .appendPattern("uuuuMMdd'T'HHmmss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter EXTENDED = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .optionalStart()
            .appendOffsetId()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter();

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private Timestamps() {}

    /** The instant {@code text} names, or empty when it is no ISO 8601 time. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim().replace(' ', 'T');
        for (DateTimeFormatter format : new DateTimeFormatter[] {EXTENDED, BASIC}) {
            try {
                var parsed = format.parse(trimmed);
                LocalDateTime local = LocalDateTime.of(
                        java.time.LocalDate.from(parsed),
                        parsed.isSupported(ChronoField.HOUR_OF_DAY)
                                ? java.time.LocalTime.from(parsed)
                                : java.time.LocalTime.MIDNIGHT);
                ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                        ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                        : ZoneOffset.UTC;
                return Optional.of(local.toInstant(offset));
            } catch (java.time.DateTimeException e) {
                // the next form
            }
        }
        return Optional.empty();
    }

    /** Python's {@code isoformat()} of an aware UTC datetime: {@code 2015-01-04T13:00:00+00:00}. */
    public static String isoUtc(Instant instant) {
        return naive(instant) + "+00:00";
    }

    /** Python's {@code isoformat()} of a naive datetime in UTC: {@code 2015-01-04T13:00:00}. */
    public static String naive(Instant instant) {
        OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
        // Python prints seconds always and microseconds (six digits) only when there are some.
        String text = utc.toLocalDateTime().format(SECONDS);
        int micros = utc.getNano() / 1000;
        return micros == 0 ? text : text + String.format(".%06d", micros);
    }

    public static Instant monthStart(Instant now) {
        OffsetDateTime utc = now.atOffset(ZoneOffset.UTC);
        return utc.withDayOfMonth(1).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public static Instant nextMonthStart(Instant now) {
        return monthStart(now).atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
    }
}
