package io.meterflow.rating.dataframes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A summary request: totals of qty and price in [begin, end), grouped by {@code groupby} keys
 * ({@code type}, the scope key, any groupby attribute, or a time bucket: {@code time} per rated
 * period, {@code time-d}, {@code time-w}, {@code time-m}, {@code time-y} per day, ISO week, month,
 * year in UTC), narrowed by {@code filters} (any of the values of each key) and {@code types}.
 */
public record SummaryQuery(
        Instant begin,
        Instant end,
        List<String> groupby,
        Map<String, List<String>> filters,
        List<String> types,
        int offset,
        int limit) {}
