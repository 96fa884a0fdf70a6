package io.meterflow.reports.exports;

import io.meterflow.gnocchiclient.aggregates.AggregatesGroup;
import io.meterflow.gnocchiclient.aggregates.AggregatesResult;
import io.meterflow.gnocchiclient.measure.Measure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The answer to a {@link CapacityExport}: rows sorted by group, then time. What every writer renders.
 *
 * @param export what was asked, for column names, titles and file names
 * @param rows   one per group and timestamp
 */
public record ExportTable(CapacityExport export, List<ExportRow> rows) {

    // Groups sort by their values, an absent value last, so outputs are stable between runs.
    private static final Comparator<List<String>> GROUP_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = Comparator.nullsLast(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    public ExportTable {
        Objects.requireNonNull(export, "export");
        rows = List.copyOf(rows);
        int columns = export.metrics().size();
        for (ExportRow row : rows) {
            if (row.values().size() != columns
                    || row.group().size() != export.groupBy().size()) {
                throw new IllegalArgumentException("row " + row + " does not fit the columns of " + export);
            }
        }
    }

    /**
     * Joins the answers of the export's queries, one per metric and in the same order, into rows;
     * pure. A group or timestamp one metric lacks gets {@code NaN} for it.
     */
    public static ExportTable of(CapacityExport export, List<AggregatesResult> perMetric) {
        if (perMetric.size() != export.metrics().size()) {
            throw new IllegalArgumentException(
                    "one answer per metric is needed: " + export.metrics().size() + " metrics, " + perMetric.size());
        }
        Map<List<String>, Map<Point, double[]>> cells = new TreeMap<>(GROUP_ORDER);
        for (int column = 0; column < perMetric.size(); column++) {
            for (AggregatesGroup group : perMetric.get(column).groups()) {
                Map<Point, double[]> series = cells.computeIfAbsent(groupValues(export, group), key -> new TreeMap<>());
                for (Measure measure : group.measures().series().getOrDefault("aggregated", List.of())) {
                    Point point = new Point(measure.timestamp(), measure.granularity());
                    series.computeIfAbsent(point, unused -> nans(export))[column] = measure.value();
                }
            }
        }
        List<ExportRow> rows = new ArrayList<>();
        cells.forEach((group, series) -> series.forEach((point, values) -> rows.add(new ExportRow(
                group,
                point.timestamp(),
                point.granularity(),
                Arrays.stream(values).boxed().toList()))));
        return new ExportTable(export, rows);
    }

    /** The rows by group, in order: what a chart draws as one line per group and column. */
    public Map<String, List<ExportRow>> byGroup() {
        Map<String, List<ExportRow>> groups = new LinkedHashMap<>();
        rows.forEach(row -> groups.computeIfAbsent(row.groupLabel(), label -> new ArrayList<>())
                .add(row));
        return groups;
    }

    private static List<String> groupValues(CapacityExport export, AggregatesGroup group) {
        List<String> values = new ArrayList<>();
        export.groupBy().forEach(attribute -> values.add(group.by().get(attribute)));
        return values;
    }

    private static double[] nans(CapacityExport export) {
        double[] values = new double[export.metrics().size()];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    /** A timestamp and its period; by time, then finer granularity first (one is asked, so rarely). */
    private record Point(Instant timestamp, Duration granularity) implements Comparable<Point> {

        @Override
        public int compareTo(Point other) {
            int order = timestamp.compareTo(other.timestamp);
            return order != 0 ? order : granularity.compareTo(other.granularity);
        }
    }
}
