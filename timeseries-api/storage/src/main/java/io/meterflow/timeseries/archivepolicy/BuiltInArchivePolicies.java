package io.meterflow.timeseries.archivepolicy;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The policies a new install starts with: Gnocchi's own ({@code low}, {@code medium},
 * {@code high}, {@code bool}) and those Ceilometer's publisher creates and expects.
 */
public final class BuiltInArchivePolicies {

    /** Gnocchi's {@code archive_policy.default_aggregation_methods}. */
    public static final List<String> DEFAULT_METHODS = List.of("mean", "min", "max", "sum", "std", "count");

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private BuiltInArchivePolicies() {}

    public static List<ArchivePolicy> all() {
        return List.of(
                policy("bool", 3600, List.of("last"), item(SECOND, 365 * DAY)),
                policy("low", 0, DEFAULT_METHODS, item(5 * MINUTE, 30 * DAY)),
                policy("medium", 0, DEFAULT_METHODS, item(MINUTE, 7 * DAY), item(HOUR, 365 * DAY)),
                policy("high", 0, DEFAULT_METHODS, item(SECOND, HOUR), item(MINUTE, 7 * DAY), item(HOUR, 365 * DAY)),
                policy("ceilometer-low", 0, List.of("mean"), item(5 * MINUTE, 30 * DAY)),
                policy("ceilometer-low-rate", 0, List.of("mean", "rate:mean"), item(5 * MINUTE, 30 * DAY)),
                policy(
                        "ceilometer-high",
                        0,
                        List.of("mean"),
                        item(SECOND, HOUR),
                        item(MINUTE, DAY),
                        item(HOUR, 365 * DAY)),
                policy(
                        "ceilometer-high-rate",
                        0,
                        List.of("mean", "rate:mean"),
                        item(SECOND, HOUR),
                        item(MINUTE, DAY),
                        item(HOUR, 365 * DAY)));
    }

    /** The rule a new install routes unmatched metric names with, as gnocchi-upgrade creates it. */
    public static final String DEFAULT_RULE_NAME = "default";

    public static final String DEFAULT_RULE_PATTERN = "*";
    public static final String DEFAULT_RULE_POLICY = "low";

    private static ArchivePolicy policy(String name, int backWindow, List<String> methods, ArchivePolicyItem... items) {
        SortedSet<String> methodSet = new TreeSet<>(methods);
        return new ArchivePolicy(name, backWindow, List.of(items), methodSet);
    }

    private static ArchivePolicyItem item(long granularity, long timespan) {
        return ArchivePolicyItem.of(granularity, null, timespan);
    }
}
