package io.meterflow.reports.exports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One line of an export: a group at one timestamp.
 *
 * @param group       the group's attribute values, in the export's {@code groupBy} order; an element is
 *                    null when the group's resources have no value for that attribute
 * @param timestamp   the start of the period the values cover
 * @param granularity the length of that period
 * @param values      one value per column, in the export's column order; {@code NaN} where Gnocchi gave
 *                    no point for that column (Gnocchi's measures are floats, so are these)
 */
public record ExportRow(List<String> group, Instant timestamp, Duration granularity, List<Double> values) {

    public ExportRow {
        // Not List.copyOf: an attribute without value is a legitimate null.
        group = Collections.unmodifiableList(new ArrayList<>(group));
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(granularity, "granularity");
        values = List.copyOf(values);
    }

    /** The group's values joined for a legend or a file name: {@code compute-1 / m1.small}. */
    public String groupLabel() {
        if (group.isEmpty()) {
            return "all";
        }
        return String.join(
                " / ",
                group.stream().map(value -> value == null ? "(none)" : value).toList());
    }
}
