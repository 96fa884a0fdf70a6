package io.meterflow.gnocchiclient.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as Gnocchi prints them in archive policies: Python's {@code str(timedelta)},
 * e.g. {@code 0:05:00}, {@code 1 day, 0:00:00}, {@code 30 days, 0:00:00}, {@code 0:00:00.500000}.
 */
public final class PythonTimedelta {

    private static final Pattern FORM =
            Pattern.compile("(?:(-?\\d+) days?, )?(\\d+):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");

    private PythonTimedelta() {}

    public static Duration parse(String text) {
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a Python timedelta: '" + text + "'");
        }
        long days = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        String fraction = matcher.group(5) == null ? "0" : matcher.group(5);
        return Duration.ofDays(days)
                .plusHours(Long.parseLong(matcher.group(2)))
                .plusMinutes(Long.parseLong(matcher.group(3)))
                .plusSeconds(Long.parseLong(matcher.group(4)))
                .plusNanos(Long.parseLong((fraction + "000000000").substring(0, 9)));
    }
}
