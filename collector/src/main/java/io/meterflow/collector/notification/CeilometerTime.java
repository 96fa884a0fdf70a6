package io.meterflow.collector.notification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamp forms OpenStack services send ({@code 2024-01-15 10:00:00.707221},
 * {@code 2023-12-14T21:20:44Z}, {@code 2023-12-14 21:20:06+00:00}), read as oslo's
 * {@code parse_isotime} reads them (no zone means UTC) and written as Python's {@code isoformat()}
 * writes them, which is what Ceilometer stores: {@code 2024-01-15T10:00:00.707221+00:00}, no
 * fraction when the microseconds are zero.
 */
public final class CeilometerTime {

    private static final Pattern ISO =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?\\s*"
                    + "(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

    private CeilometerTime() {}

    public static Optional<OffsetDateTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ISO.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            int micros = 0;
            if (m.group(7) != null) {
                String fraction = (m.group(7) + "000000").substring(0, 6);
                micros = Integer.parseInt(fraction);
            }
            LocalTime time = m.group(4) == null
                    ? LocalTime.MIDNIGHT
                    : LocalTime.of(
                            Integer.parseInt(m.group(4)),
                            Integer.parseInt(m.group(5)),
                            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                            micros * 1000);
            return Optional.of(OffsetDateTime.of(date, time, offset(m.group(8))));
        } catch (java.time.DateTimeException outOfRange) {
            return Optional.empty();
        }
    }

    /** Python's {@code parse_isotime(text).isoformat()}; the text unchanged when it does not parse. */
    public static String normalize(String text) {
        return parse(text).map(CeilometerTime::format).orElse(text);
    }

    public static String format(OffsetDateTime time) {
        StringBuilder out = new StringBuilder(32);
        out.append(time.toLocalDate()).append('T');
        LocalTime t = time.toLocalTime();
        two(out, t.getHour()).append(':');
        two(out, t.getMinute()).append(':');
        two(out, t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            // Six digits, zero-padded: by hand, as String.format costs more than the rest of this method.
            out.append('.');
            for (int unit = 100_000; unit > 1 && micros < unit; unit /= 10) {
                out.append('0');
            }
            out.append(micros);
        }
        int seconds = time.getOffset().getTotalSeconds();
        out.append(seconds < 0 ? '-' : '+');
        seconds = Math.abs(seconds);
        two(out, seconds / 3600).append(':');
        two(out, seconds / 60 % 60);
        return out.toString();
    }

    private static StringBuilder two(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
