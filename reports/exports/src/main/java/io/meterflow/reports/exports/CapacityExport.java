package io.meterflow.reports.exports;

import io.meterflow.reports.exports.InvalidExportException.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a capacity planner asks for: some metrics of the resources of one type, combined per group
 * of resources sharing attribute values (host, flavor, project...), on a time grid. Validated here,
 * every problem at once, so the HTTP resource and the command line give the same answers.
 *
 * @param metrics      the columns, in order; at least one
 * @param resourceType the Gnocchi resource type searched ({@link #DEFAULT_RESOURCE_TYPE} when null)
 * @param groupBy      resource attributes to group by, e.g. {@code host}, {@code flavor_name}; empty: one
 *                     group of every resource found
 * @param start        first timestamp exported (inclusive)
 * @param stop         timestamps before this are exported
 * @param granularity  one of the metrics' archive policy granularities, whole seconds
 * @param filter       attribute → value every resource must have, e.g. {@code project_id → p1}; may be empty
 */
public record CapacityExport(
        List<MetricAggregate> metrics,
        String resourceType,
        List<String> groupBy,
        Instant start,
        Instant stop,
        Duration granularity,
        Map<String, String> filter) {

    public static final String DEFAULT_RESOURCE_TYPE = "instance";

    /** A bound on points per group and column, so a typo in granularity does not pull years of minutes. */
    public static final long MAX_POINTS = 100_000;

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> FIXED_COLUMNS = Set.of("timestamp", "granularity");

    public CapacityExport {
        List<Problem> problems = new ArrayList<>();
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        resourceType = resourceType == null || resourceType.isBlank() ? DEFAULT_RESOURCE_TYPE : resourceType;
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        filter = Collections.unmodifiableMap(new TreeMap<>(filter == null ? Map.of() : filter));

        checkColumns(metrics, groupBy, problems);
        if (!RESOURCE_TYPE.matcher(resourceType).matches()) {
            problems.add(new Problem("resource_type", "'" + resourceType + "' is not a resource type name"));
        }
        checkTime(start, stop, granularity, problems);
        filter.forEach((attribute, value) -> {
            if (!ATTRIBUTE.matcher(attribute).matches()) {
                problems.add(new Problem("filter", "'" + attribute + "' is not a resource attribute name"));
            }
            if (value == null || value.isEmpty()) {
                problems.add(new Problem("filter", attribute + " needs a value (attribute=value)"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidExportException(problems);
        }
    }

    /** The column names of the metrics, in order. */
    public List<String> columns() {
        return metrics.stream().map(MetricAggregate::column).toList();
    }

    /**
     * A file name that says what the export holds, e.g.
     * {@code capacity-cpu_mean-by-host-20261201T000000Z-20261202T000000Z.csv}; only {@code [A-Za-z0-9._-]}.
     */
    public String fileName(ExportFormat format) {
        String name = "capacity-" + String.join("-", columns())
                + (groupBy.isEmpty() ? "" : "-by-" + String.join("-", groupBy))
                + "-" + compact(start) + "-" + compact(stop);
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
    }

    private static String compact(Instant time) {
        return time.toString().replace("-", "").replace(":", "");
    }

    private static void checkColumns(List<MetricAggregate> metrics, List<String> groupBy, List<Problem> problems) {
        if (metrics.isEmpty()) {
            problems.add(new Problem("metric", "at least one metric is needed"));
        }
        Set<String> columns = new HashSet<>(FIXED_COLUMNS);
        for (MetricAggregate metric : metrics) {
            if (!columns.add(metric.column())) {
                problems.add(new Problem("metric", "column " + metric.column() + " is asked twice"));
            }
        }
        for (String attribute : groupBy) {
            if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
                problems.add(new Problem("groupby", "'" + attribute + "' is not a resource attribute name"));
            } else if (!columns.add(attribute)) {
                problems.add(new Problem("groupby", attribute + " is asked twice or collides with a column name"));
            }
        }
    }

    private static void checkTime(Instant start, Instant stop, Duration granularity, List<Problem> problems) {
        if (start == null) {
            problems.add(new Problem("start", "a start time is needed, e.g. 2026-12-01T00:00:00Z"));
        }
        if (stop == null) {
            problems.add(new Problem("stop", "a stop time is needed, e.g. 2026-12-02T00:00:00Z"));
        }
        if (start != null && stop != null && !stop.isAfter(start)) {
            problems.add(new Problem("stop", "stop " + stop + " must be after start " + start));
        }
        if (granularity == null) {
            problems.add(new Problem("granularity", "a granularity in seconds is needed, e.g. 3600"));
        } else if (granularity.isNegative() || granularity.isZero() || granularity.getNano() != 0) {
            problems.add(new Problem(
                    "granularity", "must be a positive whole number of seconds, got " + granularity.toSeconds()));
        } else if (start != null && stop != null && stop.isAfter(start)) {
            long points = Duration.between(start, stop).toSeconds() / granularity.toSeconds();
            if (points > MAX_POINTS) {
                problems.add(new Problem(
                        "granularity",
                        granularity.toSeconds() + " s from " + start + " to " + stop + " is " + points
                                + " points per group; at most " + MAX_POINTS + ": choose a coarser granularity"));
            }
        }
    }
}
