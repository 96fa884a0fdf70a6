package io.meterflow.reports.exports;

import io.meterflow.reports.exports.InvalidExportException.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link CapacityExport} from text parameters, as both the HTTP query and the command line
 * give them, so the two accept exactly the same input and word their errors alike. Each list
 * parameter may be repeated, comma separated, or both.
 *
 * <ul>
 *   <li>{@code metric}: metric names, one column each (required)
 *   <li>{@code aggregation}: one archive method for every metric, or one per metric (default {@code mean})
 *   <li>{@code reaggregation}: how a group's resources combine, likewise (default: the aggregation)
 *   <li>{@code unit}: the metrics' units for chart axes, likewise (optional)
 *   <li>{@code resource_type} (default {@code instance}), {@code groupby}, {@code filter} ({@code attribute=value})
 *   <li>{@code start}, {@code stop}: ISO-8601 with an offset, e.g. {@code 2026-12-01T00:00:00Z}
 *   <li>{@code granularity}: seconds, or a number with {@code s}, {@code m}, {@code h} or {@code d}
 *   <li>{@code format}: read by {@link ExportFormat#parse}, accepted here
 * </ul>
 */
public final class ExportParameters {

    public static final Set<String> NAMES = Set.of(
            "metric",
            "aggregation",
            "reaggregation",
            "unit",
            "resource_type",
            "groupby",
            "filter",
            "start",
            "stop",
            "granularity",
            "format");

    static final String DEFAULT_AGGREGATION = "mean";

    private static final Pattern SPAN = Pattern.compile("(\\d{1,9})\\s*([smhd]?)");

    private ExportParameters() {}

    /** @throws InvalidExportException listing every bad or unknown parameter */
    public static CapacityExport parse(Map<String, List<String>> parameters) {
        List<Problem> problems = new ArrayList<>();
        new TreeSet<>(parameters.keySet())
                .stream()
                        .filter(name -> !NAMES.contains(name))
                        .forEach(name -> problems.add(new Problem(
                                name, "unknown parameter; known: " + String.join(", ", new TreeSet<>(NAMES)))));
        List<MetricAggregate> metrics = metrics(parameters, problems);
        Instant start = instant("start", single("start", parameters, problems), problems);
        Instant stop = instant("stop", single("stop", parameters, problems), problems);
        Duration granularity = granularity(single("granularity", parameters, problems), problems);
        Map<String, String> filter = filter(list("filter", parameters), problems);
        String resourceType = single("resource_type", parameters, problems);
        List<String> groupBy = list("groupby", parameters);
        if (!problems.isEmpty()) {
            throw new InvalidExportException(problems);
        }
        return new CapacityExport(metrics, resourceType, groupBy, start, stop, granularity, filter);
    }

    private static List<MetricAggregate> metrics(Map<String, List<String>> parameters, List<Problem> problems) {
        List<String> names = list("metric", parameters);
        List<String> aggregations = perMetric("aggregation", names, parameters, DEFAULT_AGGREGATION, problems);
        List<String> reaggregations = perMetric("reaggregation", names, parameters, null, problems);
        List<String> units = perMetric("unit", names, parameters, null, problems);
        if (names.isEmpty()) {
            problems.add(new Problem("metric", "at least one metric is needed, e.g. metric=cpu"));
        }
        List<MetricAggregate> metrics = new ArrayList<>();
        if (aggregations == null || reaggregations == null || units == null) {
            return metrics;
        }
        for (int i = 0; i < names.size(); i++) {
            try {
                metrics.add(
                        new MetricAggregate(names.get(i), aggregations.get(i), reaggregations.get(i), units.get(i)));
            } catch (InvalidExportException e) {
                problems.addAll(e.problems());
            }
        }
        return metrics;
    }

    /** One value for all metrics or one each; null (and a problem) when the counts do not match. */
    private static List<String> perMetric(
            String name,
            List<String> metrics,
            Map<String, List<String>> parameters,
            String fallback,
            List<Problem> problems) {
        List<String> values = list(name, parameters);
        if (values.isEmpty() || values.size() == 1) {
            String value = values.isEmpty() ? fallback : values.get(0);
            List<String> each = new ArrayList<>();
            metrics.forEach(metric -> each.add(value));
            return each;
        }
        if (values.size() != metrics.size()) {
            problems.add(new Problem(
                    name,
                    "give one " + name + " for all metrics or one per metric: " + metrics.size() + " metrics, "
                            + values.size() + " values " + values));
            return null;
        }
        return values;
    }

    private static Map<String, String> filter(List<String> conditions, List<Problem> problems) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (String condition : conditions) {
            int equals = condition.indexOf('=');
            if (equals <= 0) {
                problems.add(new Problem("filter", "'" + condition + "' is not attribute=value"));
            } else if (filter.put(condition.substring(0, equals), condition.substring(equals + 1)) != null) {
                problems.add(
                        new Problem("filter", condition.substring(0, equals) + " is filtered twice; one value each"));
            }
        }
        return filter;
    }

    private static Instant instant(String name, String text, List<Problem> problems) {
        if (text == null) {
            return null; // CapacityExport says it is missing
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(
                    new Problem(name, "'" + text + "' is not an ISO-8601 time with offset, e.g. 2026-12-01T00:00:00Z"));
            return null;
        }
    }

    private static Duration granularity(String text, List<Problem> problems) {
        if (text == null) {
            return null;
        }
        Matcher span = SPAN.matcher(text.trim());
        if (!span.matches()) {
            problems.add(new Problem(
                    "granularity", "'" + text + "' is not seconds (3600) or a number with s, m, h or d (1h)"));
            return null;
        }
        long amount = Long.parseLong(span.group(1));
        return switch (span.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static String single(String name, Map<String, List<String>> parameters, List<Problem> problems) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            problems.add(new Problem(name, "given " + values.size() + " times; once only"));
        }
        return values.isEmpty() || values.get(0).isBlank()
                ? null
                : values.get(0).trim();
    }

    /** Repeated and comma-separated values, in order, blanks dropped. */
    private static List<String> list(String name, Map<String, List<String>> parameters) {
        List<String> values = new ArrayList<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            for (String part : value.split(",", -1)) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }
}
