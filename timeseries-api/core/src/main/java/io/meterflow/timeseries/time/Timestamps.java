package io.meterflow.timeseries.time;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Parses timestamps as Gnocchi does: epoch seconds (number or numeric string), ISO 8601 with or
 * without offset (UTC when absent), or a duration relative to now ({@code "-5 minutes"}). The
 * first value decides how the whole list is read, as in Gnocchi. Results are nanoseconds.
 */
public final class Timestamps {

    public static final String UNABLE_TO_CONVERT = "Unable to convert timestamps";
    public static final String BEFORE_EPOCH = "Timestamp must be after Epoch";

    private enum Form {
        EPOCH,
        ISO,
        RELATIVE
    }

    private final Clock clock;

    public Timestamps(Clock clock) {
        this.clock = clock;
    }

    /** Parses every value the way the first one parses; throws with Gnocchi's message. */
    public long[] parseAll(List<?> values) {
        long[] result = new long[values.size()];
        if (values.isEmpty()) {
            return result;
        }
        Form form = formOf(values.get(0));
        long now = nowNanos();
        for (int i = 0; i < result.length; i++) {
            result[i] = parse(values.get(i), form, now);
            if (result[i] < 0) {
                throw new IllegalArgumentException(BEFORE_EPOCH);
            }
        }
        return result;
    }

    /** Parses one timestamp (query parameters such as start and stop). */
    public long parseOne(Object value) {
        return parseAll(List.of(value))[0];
    }

    private Form formOf(Object value) {
        if (value instanceof Number) {
            return Form.EPOCH;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(UNABLE_TO_CONVERT);
        }
        if (isNumber(text)) {
            return Form.EPOCH;
        }
        return parseIso(text) != null || isWord(text) ? Form.ISO : Form.RELATIVE;
    }

    private long parse(Object value, Form form, long now) {
        try {
            return switch (form) {
                case EPOCH -> epochNanos(value);
                case ISO -> {
                    // The words are tried second: trimming and lower-casing every timestamp cost more than parsing it.
                    Long iso = value instanceof String text ? parseIso(text) : null;
                    if (iso == null && value instanceof String text && isWord(text)) {
                        iso = word(text, now);
                    }
                    if (iso == null) {
                        throw new IllegalArgumentException(UNABLE_TO_CONVERT);
                    }
                    yield iso;
                }
                case RELATIVE -> now + Timespans.parse(value, true);
            };
        } catch (IllegalArgumentException | ArithmeticException invalid) {
            if (BEFORE_EPOCH.equals(invalid.getMessage())) {
                throw invalid;
            }
            throw new IllegalArgumentException(UNABLE_TO_CONVERT, invalid);
        }
    }

    private static long epochNanos(Object value) {
        BigDecimal seconds = new BigDecimal(value.toString().trim());
        return seconds.movePointRight(9).longValueExact();
    }

    /** numpy's datetime64 words: "now", and "today" (midnight UTC). */
    private static boolean isWord(String text) {
        String word = text.trim().toLowerCase(java.util.Locale.ROOT);
        return word.equals("now") || word.equals("today");
    }

    private static long word(String text, long now) {
        return text.trim().equalsIgnoreCase("now")
                ? now
                : Math.floorDiv(now, 86_400_000_000_000L) * 86_400_000_000_000L;
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.trim());
            return true;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static Long parseIso(String text) {
        return IsoTimestamps.parse(text);
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Python's {@code datetime.isoformat()} of an aware UTC datetime: microseconds only when set. */
    public static String format(long nanos) {
        StringBuilder text = new StringBuilder(32);
        appendTo(text, nanos);
        return text.toString();
    }

    /** The same form of an instant; null stays null (a resource's open end, for one). */
    public static String format(Instant instant) {
        return instant == null ? null : format(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
    }

    /**
     * Appends the ISO form without {@code String.format}, which costs about a microsecond a call:
     * a read of 1,000 points formats 1,000 timestamps.
     */
    public static void appendTo(StringBuilder text, long nanos) {
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        int micros = (int) (Math.floorMod(nanos, 1_000_000_000L) / 1000);
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        pad(text, date.getYear(), 4).append('-');
        pad(text, date.getMonthValue(), 2).append('-');
        pad(text, date.getDayOfMonth(), 2).append('T');
        pad(text, secondOfDay / 3600, 2).append(':');
        pad(text, secondOfDay / 60 % 60, 2).append(':');
        pad(text, secondOfDay % 60, 2);
        if (micros != 0) {
            pad(text.append('.'), micros, 6);
        }
        text.append("+00:00");
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
