package io.meterflow.reports.exports;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column of an export: a metric of every resource in a group, read at one of its archive
 * aggregation methods, then combined across the group's resources. {@code cpu mean mean} is the
 * group's average CPU; {@code vcpus mean sum} the vCPUs the group holds, whatever the polling rate.
 *
 * @param metric        the metric name on the resources, e.g. {@code cpu}, {@code memory.usage}
 * @param aggregation   the archive aggregation read per resource: {@code mean}, {@code max}, {@code 95pct}...
 * @param reaggregation how the group's resources are combined: {@code mean}, {@code sum}, {@code max}...;
 *                      null means the same as {@code aggregation}
 * @param unit          the metric's unit for chart axes, e.g. {@code ns}, {@code MB}; null when unknown
 */
public record MetricAggregate(String metric, String aggregation, String reaggregation, String unit) {

    /** What Gnocchi's {@code (aggregate ...)} combines series with. */
    public static final Set<String> REAGGREGATIONS =
            Set.of("mean", "median", "std", "min", "max", "sum", "var", "count");

    // Gnocchi's archive methods: the reaggregations, first/last, percentiles and rate: of any of them.
    private static final Pattern AGGREGATION =
            Pattern.compile("(rate:)?(mean|median|std|min|max|sum|var|count|first|last|[1-9][0-9]?pct)");
    // The operations are an S-expression: these characters would change its meaning.
    private static final Pattern METRIC = Pattern.compile("[^\\s()\"'/]+");

    public MetricAggregate {
        if (metric == null || !METRIC.matcher(metric).matches()) {
            throw InvalidExportException.of(
                    "metric",
                    "a metric name without spaces, quotes, parentheses or '/' is needed, got '" + metric + "'");
        }
        if (aggregation == null || !AGGREGATION.matcher(aggregation).matches()) {
            throw InvalidExportException.of(
                    "aggregation",
                    "'" + aggregation + "' for metric " + metric
                            + " is not an archive aggregation method (mean, min, max, sum, count, std, median, first,"
                            + " last, <N>pct, rate:<method>)");
        }
        reaggregation = reaggregation == null ? aggregation : reaggregation;
        if (!REAGGREGATIONS.contains(reaggregation)) {
            throw InvalidExportException.of(
                    "reaggregation",
                    "'" + reaggregation + "' for metric " + metric + " cannot combine resources; use one of "
                            + String.join(", ", REAGGREGATIONS.stream().sorted().toList()));
        }
        if (unit != null && unit.isBlank()) {
            unit = null;
        }
    }

    /** The metric read and combined with the same method, unit unknown. */
    public static MetricAggregate of(String metric, String aggregation) {
        return new MetricAggregate(metric, aggregation, null, null);
    }

    public MetricAggregate withUnit(String newUnit) {
        return new MetricAggregate(metric, aggregation, reaggregation, newUnit);
    }

    /**
     * The column name in CSV and JSON: {@code cpu_mean}, or {@code vcpus_mean_sum} when the group is
     * combined differently from how each resource is read.
     */
    public String column() {
        return metric + "_" + aggregation + (reaggregation.equals(aggregation) ? "" : "_" + reaggregation);
    }

    /** The Gnocchi operations that compute this column for one group. */
    String operations() {
        return "(aggregate " + reaggregation + " (metric " + metric + " " + aggregation + "))";
    }
}
