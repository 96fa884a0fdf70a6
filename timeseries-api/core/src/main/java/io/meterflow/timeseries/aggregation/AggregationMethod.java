package io.meterflow.timeseries.aggregation;

/**
 * An aggregation method of an archive policy: a reducer, applied either to the measures
 * themselves or, for {@code rate:} methods, to the differences between consecutive measures.
 */
public record AggregationMethod(Reducer reducer, boolean rate) {

    private static final String RATE_PREFIX = "rate:";

    public AggregationMethod {
        if (reducer == null) {
            throw new IllegalArgumentException("reducer is required");
        }
    }

    /** Parses {@code mean}, {@code 95pct}, {@code rate:last}...; returns null for unknown names. */
    public static AggregationMethod parse(String name) {
        if (name == null) {
            return null;
        }
        boolean rate = name.startsWith(RATE_PREFIX);
        Reducer reducer = Reducer.parse(rate ? name.substring(RATE_PREFIX.length()) : name);
        return reducer == null ? null : new AggregationMethod(reducer, rate);
    }

    public static boolean isValid(String name) {
        return parse(name) != null;
    }

    public String name() {
        return rate ? RATE_PREFIX + reducer.name() : reducer.name();
    }

    @Override
    public String toString() {
        return name();
    }
}
