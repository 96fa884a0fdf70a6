package io.meterflow.timeseries.aggregates;

import java.util.Arrays;
import java.util.Set;

/**
 * Aggregation across series (and over rolling windows) as Gnocchi's operations do it: numpy's
 * NaN-ignoring reductions ({@code nanmean}, {@code nanstd} with ddof 0...), so a series missing a
 * point does not blank the result. {@code rate:X} applies X then differences along time.
 */
final class GridAggregates {

    private static final Set<String> BASE = Set.of("mean", "median", "std", "min", "max", "sum", "var", "count");

    private GridAggregates() {}

    static boolean isKnown(String method) {
        return BASE.contains(isRate(method) ? method.substring(5) : method);
    }

    static boolean isRate(String method) {
        return method.startsWith("rate:");
    }

    static String base(String method) {
        return isRate(method) ? method.substring(5) : method;
    }

    /** Reduces the values, ignoring NaN; all-NaN gives NaN (0 for sum and count), like numpy. */
    static double reduce(String baseMethod, double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        int n = present.length;
        switch (baseMethod) {
            case "count":
                return n;
            case "sum":
                return Arrays.stream(present).sum();
            default:
                break;
        }
        if (n == 0) {
            return Double.NaN;
        }
        return switch (baseMethod) {
            case "mean" -> Arrays.stream(present).sum() / n;
            case "min" -> Arrays.stream(present).min().orElseThrow();
            case "max" -> Arrays.stream(present).max().orElseThrow();
            case "median" -> median(present);
            case "var" -> variance(present);
            case "std" -> Math.sqrt(variance(present));
            default -> throw new IllegalArgumentException("unknown aggregation " + baseMethod);
        };
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Population variance (numpy's default ddof = 0). */
    private static double variance(double[] values) {
        double mean = Arrays.stream(values).sum() / values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return squares / values.length;
    }
}
