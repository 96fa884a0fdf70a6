package io.meterflow.reports.render.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Invoice units as UN/ECE Recommendation 20 codes, which EN 16931 requires (BT-130). Cloud units
 * such as GiB-hours have no code of their own: they are "one" ({@code C62}) and the unit's name
 * stays in the line's description.
 */
final class UnitCodes {

    private static final String ONE = "C62";
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("s", "SEC"),
            Map.entry("second", "SEC"),
            Map.entry("min", "MIN"),
            Map.entry("minute", "MIN"),
            Map.entry("h", "HUR"),
            Map.entry("hour", "HUR"),
            Map.entry("d", "DAY"),
            Map.entry("day", "DAY"),
            Map.entry("month", "MON"),
            Map.entry("year", "ANN"),
            Map.entry("b", "AD"),
            Map.entry("byte", "AD"),
            Map.entry("kb", "2P"),
            Map.entry("mb", "4L"),
            Map.entry("gb", "E34"),
            Map.entry("gib", "E34"),
            Map.entry("tb", "E35"),
            Map.entry("tib", "E35"));

    private UnitCodes() {}

    static String of(String unit) {
        String key = unit.trim().toLowerCase(Locale.ROOT);
        if (key.endsWith("s") && CODES.containsKey(key.substring(0, key.length() - 1)) && key.length() > 2) {
            key = key.substring(0, key.length() - 1); // hours, days, months
        }
        return CODES.getOrDefault(key, ONE);
    }

    static boolean isCoded(String unit) {
        return !of(unit).equals(ONE) || unit.isBlank();
    }
}
