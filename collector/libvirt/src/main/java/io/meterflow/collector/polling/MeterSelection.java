package io.meterflow.collector.polling;

import java.util.Arrays;
import java.util.List;

/**
 * Which meters a cycle produces: exact names or prefixes ending in {@code *}, as Ceilometer's
 * polling.yaml writes them ({@code network.*}). An empty selection is refused: it would poll
 * nothing and look like a broken host.
 */
public record MeterSelection(List<String> patterns) {

    public MeterSelection {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("a meter selection needs at least one meter or pattern");
        }
        for (String pattern : patterns) {
            if (pattern.isBlank() || pattern.indexOf('*') >= 0 && pattern.indexOf('*') != pattern.length() - 1) {
                throw new IllegalArgumentException(
                        "meter pattern '" + pattern + "' must be a name or a prefix ending in *");
            }
        }
    }

    public static MeterSelection all() {
        return new MeterSelection(List.of("*"));
    }

    /** From {@code cpu,network.*}; blanks around commas ignored. */
    public static MeterSelection parse(String commaSeparated) {
        return new MeterSelection(Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList());
    }

    public boolean includes(String meter) {
        for (String pattern : patterns) {
            if (pattern.endsWith("*")
                    ? meter.startsWith(pattern.substring(0, pattern.length() - 1))
                    : meter.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    public boolean includesAny(List<String> meters) {
        return meters.stream().anyMatch(this::includes);
    }
}
