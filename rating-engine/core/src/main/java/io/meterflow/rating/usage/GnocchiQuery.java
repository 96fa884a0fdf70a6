package io.meterflow.rating.usage;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * How a metric is read from the Gnocchi v1 API, CloudKitty's Gnocchi {@code extra_args}: which
 * resources carry it, which attribute identifies a resource (added to the groupby), the
 * aggregation over each metric's series and the re-aggregation across the group, the granularity
 * asked for (0: let the server choose), whether every revision of a resource counts, and an
 * aggregation expression that replaces the default one.
 */
public record GnocchiQuery(
        String resourceType,
        String resourceKey,
        String aggregationMethod,
        String reAggregationMethod,
        int forceGranularity,
        boolean useAllResourceRevisions,
        String customQuery) {

    /** The methods Gnocchi aggregates with, as CloudKitty accepts them for re-aggregation. */
    public static final Set<String> BASIC_METHODS =
            withRates(Stream.of("mean", "sum", "last", "max", "min", "std", "median", "first", "count"));

    /** What CloudKitty accepts as {@code aggregation_method}: the basic ones and percentiles. */
    public static final Set<String> METRIC_METHODS = withRates(Stream.concat(
            BASIC_METHODS.stream().filter(m -> !m.startsWith("rate:")),
            IntStream.range(1, 100).mapToObj(i -> i + "pct")));

    public GnocchiQuery {
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceKey, "resourceKey");
        Objects.requireNonNull(aggregationMethod, "aggregationMethod");
        Objects.requireNonNull(reAggregationMethod, "reAggregationMethod");
        Objects.requireNonNull(customQuery, "customQuery");
        if (forceGranularity < 0) {
            throw new IllegalArgumentException("forceGranularity must not be negative");
        }
    }

    /** CloudKitty's {@code (aggregate RE (metric NAME AGG))}, or the custom query with its placeholders filled. */
    public String operation(String metricName) {
        if (!customQuery.isEmpty()) {
            return customQuery
                    .replace("RE_AGGREGATION_METHOD", reAggregationMethod)
                    .replace("AGGREGATION_METHOD", aggregationMethod)
                    .replace("METRIC_NAME", metricName);
        }
        return "(aggregate " + reAggregationMethod + " (metric " + metricName + " " + aggregationMethod + "))";
    }

    private static Set<String> withRates(Stream<String> methods) {
        return methods.flatMap(m -> Stream.of(m, "rate:" + m)).collect(Collectors.toUnmodifiableSet());
    }
}
