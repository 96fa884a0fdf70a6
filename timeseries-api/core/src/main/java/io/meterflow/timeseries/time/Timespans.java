package io.meterflow.timeseries.time;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as Gnocchi accepts them: a number of seconds (number or numeric string), a
 * human form such as {@code "1 hour"}, {@code "5 min"}, {@code "2h30m"}, {@code "-10 seconds"},
 * or the clock form Gnocchi itself prints ({@code "1 day, 0:00:00"}). Results are nanoseconds.
 */
public final class Timespans {

    private static final long SECOND = 1_000_000_000L;
    private static final Pattern PART = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*"
                    + "(weeks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\\s*,?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOCK =
            Pattern.compile("(?:([0-9]+)\\s+days?,\\s*)?([0-9]+):([0-9]{1,2}):([0-9]{1,2}(?:\\.[0-9]+)?)");

    private Timespans() {}

    /** Parses a duration; throws {@link IllegalArgumentException} with Gnocchi's message. */
    public static long parse(Object value, boolean allowNonPositive) {
        if (value == null) {
            throw new IllegalArgumentException("Invalid timespan");
        }
        long nanos;
        if (value instanceof Number number) {
            nanos = secondsToNanos(new BigDecimal(number.toString()));
        } else if (value instanceof String text) {
            nanos = parseText(text.trim());
        } else {
            throw new IllegalArgumentException("Unable to parse timespan");
        }
        if (!allowNonPositive && nanos <= 0) {
            throw new IllegalArgumentException("Timespan must be positive");
        }
        return nanos;
    }

    private static long parseText(String text) {
        try {
            return secondsToNanos(new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
            // fall through to the human forms
        }
        boolean negative = text.startsWith("-");
        String unsigned = negative || text.startsWith("+") ? text.substring(1).trim() : text;
        Long nanos = parseClock(unsigned);
        if (nanos == null) {
            nanos = parseUnits(unsigned);
        }
        if (nanos == null) {
            throw new IllegalArgumentException("Unable to parse timespan");
        }
        return negative ? -nanos : nanos;
    }

    private static Long parseClock(String text) {
        Matcher clock = CLOCK.matcher(text);
        if (!clock.matches()) {
            return null;
        }
        BigDecimal seconds = new BigDecimal(clock.group(4))
                .add(BigDecimal.valueOf(Long.parseLong(clock.group(3)) * 60))
                .add(BigDecimal.valueOf(Long.parseLong(clock.group(2)) * 3600));
        if (clock.group(1) != null) {
            seconds = seconds.add(BigDecimal.valueOf(Long.parseLong(clock.group(1)) * 86400));
        }
        return secondsToNanos(seconds);
    }

    private static Long parseUnits(String text) {
        Matcher part = PART.matcher(text);
        BigDecimal seconds = BigDecimal.ZERO;
        int position = 0;
        while (position < text.length()) {
            if (!part.find(position) || part.start() != position) {
                return null;
            }
            seconds = seconds.add(new BigDecimal(part.group(1)).multiply(unitSeconds(part.group(2))));
            position = part.end();
        }
        return position == 0 ? null : secondsToNanos(seconds);
    }

    private static BigDecimal unitSeconds(String unit) {
        char first = Character.toLowerCase(unit.charAt(0));
        String lower = unit.toLowerCase();
        if (lower.startsWith("mi") || lower.equals("m")) {
            return BigDecimal.valueOf(60);
        }
        return switch (first) {
            case 'w' -> BigDecimal.valueOf(7 * 86400);
            case 'd' -> BigDecimal.valueOf(86400);
            case 'h' -> BigDecimal.valueOf(3600);
            default -> BigDecimal.ONE;
        };
    }

    private static long secondsToNanos(BigDecimal seconds) {
        return seconds.movePointRight(9).longValue();
    }

    /** Seconds as a double, the unit Gnocchi's JSON uses for granularities. */
    public static double toSeconds(long nanos) {
        return nanos / (double) SECOND;
    }

    /** Python's {@code str(timedelta)}: {@code "0:05:00"}, {@code "30 days, 0:00:00"}. */
    public static String toPythonString(long nanos) {
        long micros = nanos / 1000;
        long days = Math.floorDiv(micros, 86_400_000_000L);
        long rest = Math.floorMod(micros, 86_400_000_000L);
        long hours = rest / 3_600_000_000L;
        long minutes = rest / 60_000_000L % 60;
        long seconds = rest / 1_000_000L % 60;
        long fraction = rest % 1_000_000L;
        String clock = String.format("%d:%02d:%02d", hours, minutes, seconds);
        if (fraction != 0) {
            clock += String.format(".%06d", fraction);
        }
        if (days == 0) {
            return clock;
        }
        return days + (Math.abs(days) == 1 ? " day, " : " days, ") + clock;
    }
}
