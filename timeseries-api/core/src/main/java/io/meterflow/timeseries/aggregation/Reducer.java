package io.meterflow.timeseries.aggregation;

import java.util.Arrays;

/**
 * Folds the values of one time bucket into one number. One implementation per Gnocchi method;
 * the arithmetic follows Gnocchi's carbonara (numpy) so that the same input gives the same output.
 *
 * <p>Values arrive in timestamp order, which {@link First} and {@link Last} rely on.
 */
public sealed interface Reducer {

    /** The method name as Gnocchi spells it, without any {@code rate:} prefix. */
    String name();

    /** Reduces {@code values[from, to)}; the range is never empty. */
    double reduce(double[] values, int from, int to);

    /** Whether a bucket holding {@code count} values yields a point at all (std needs two). */
    default boolean yieldsPointFor(int count) {
        return count > 0;
    }

    /**
     * Whether the value follows from a bucket's running fold ({@link OpenBucket}), so that a newer
     * measure folds in without the bucket's raw values.
     */
    default boolean mergesInOrder() {
        return this instanceof Running;
    }

    /** A method whose value follows from a bucket's running fold. */
    sealed interface Running extends Reducer {

        /** The value over the bucket's values, from its running fold. */
        double value(OpenBucket bucket);
    }

    /** Parses a plain method name (mean, 95pct, ...), or returns null when it is not one. */
    static Reducer parse(String name) {
        return switch (name) {
            case "mean" -> new Mean();
            case "sum" -> new Sum();
            case "last" -> new Last();
            case "first" -> new First();
            case "min" -> new Min();
            case "max" -> new Max();
            case "median" -> new Median();
            case "std" -> new Std();
            case "count" -> new Count();
            default -> Percentile.parse(name);
        };
    }

    record Mean() implements Reducer.Running {
        public String name() {
            return "mean";
        }

        @Override
        public double value(OpenBucket bucket) {
            return bucket.sum() / bucket.count();
        }

        public double reduce(double[] values, int from, int to) {
            return Sum.sum(values, from, to) / (to - from);
        }
    }

    record Sum() implements Reducer.Running {
        public String name() {
            return "sum";
        }

        @Override
        public double value(OpenBucket bucket) {
            return bucket.sum();
        }

        public double reduce(double[] values, int from, int to) {
            return sum(values, from, to);
        }

        static double sum(double[] values, int from, int to) {
            double total = 0;
            for (int i = from; i < to; i++) {
                total += values[i];
            }
            return total;
        }
    }

    record Last() implements Reducer.Running {
        public String name() {
            return "last";
        }

        @Override
        public double value(OpenBucket bucket) {
            return bucket.last();
        }

        public double reduce(double[] values, int from, int to) {
            return values[to - 1];
        }
    }

    record First() implements Reducer.Running {
        public String name() {
            return "first";
        }

        @Override
        public double value(OpenBucket bucket) {
            return bucket.first();
        }

        public double reduce(double[] values, int from, int to) {
            return values[from];
        }
    }

    /** numpy sorts NaN last, so min ignores NaN unless every value is NaN. */
    record Min() implements Reducer.Running {
        public String name() {
            return "min";
        }

        @Override
        public double value(OpenBucket bucket) {
            return bucket.min();
        }

        public double reduce(double[] values, int from, int to) {
            double min = Double.NaN;
            for (int i = from; i < to; i++) {
                if (Double.isNaN(min) || values[i] < min) {
                    min = values[i];
                }
            }
            return min;
        }
    }

    /** numpy sorts NaN last, so max is NaN as soon as one value is. */
    record Max() implements Reducer.Running {
        public String name() {
            return "max";
        }

        @Override
        public double value(OpenBucket bucket) {
            return bucket.max();
        }

        public double reduce(double[] values, int from, int to) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                if (Double.isNaN(values[i])) {
                    return Double.NaN;
                }
                max = Math.max(max, values[i]);
            }
            return max;
        }
    }

    record Median() implements Reducer {
        public String name() {
            return "median";
        }

        public double reduce(double[] values, int from, int to) {
            return Percentile.interpolate(values, from, to, 50);
        }
    }

    /** Sample standard deviation (ddof = 1); Gnocchi emits no point for a single value. */
    record Std() implements Reducer {
        public String name() {
            return "std";
        }

        public double reduce(double[] values, int from, int to) {
            int count = to - from;
            double mean = Sum.sum(values, from, to) / count;
            double squares = 0;
            for (int i = from; i < to; i++) {
                double diff = values[i] - mean;
                squares += diff * diff;
            }
            return Math.sqrt(squares / (count - 1));
        }

        @Override
        public boolean yieldsPointFor(int count) {
            return count > 1;
        }
    }

    record Count() implements Reducer.Running {
        public String name() {
            return "count";
        }

        @Override
        public double value(OpenBucket bucket) {
            return bucket.count();
        }

        public double reduce(double[] values, int from, int to) {
            return to - from;
        }
    }

    /** The Nth percentile with numpy's default linear interpolation between closest ranks. */
    record Percentile(int percent) implements Reducer {
        public Percentile {
            if (percent < 1 || percent > 99) {
                throw new IllegalArgumentException("percentile must be within 1..99: " + percent);
            }
        }

        static Percentile parse(String name) {
            if (!name.endsWith("pct") || name.length() < 4 || name.length() > 5) {
                return null;
            }
            String digits = name.substring(0, name.length() - 3);
            if (!digits.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int percent = Integer.parseInt(digits);
            return percent >= 1 && percent <= 99 ? new Percentile(percent) : null;
        }

        public String name() {
            return percent + "pct";
        }

        public double reduce(double[] values, int from, int to) {
            return interpolate(values, from, to, percent);
        }

        static double interpolate(double[] values, int from, int to, double percent) {
            double[] sorted = Arrays.copyOfRange(values, from, to);
            Arrays.sort(sorted);
            double rank = percent / 100.0 * (sorted.length - 1);
            int lower = (int) Math.floor(rank);
            int upper = (int) Math.ceil(rank);
            double fraction = rank - lower;
            return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
        }
    }
}
