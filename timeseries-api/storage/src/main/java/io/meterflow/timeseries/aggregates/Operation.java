package io.meterflow.timeseries.aggregates;

import io.meterflow.timeseries.aggregation.Resampling;
import java.util.List;

/**
 * A node of Gnocchi's aggregates operations language, e.g.
 * {@code (aggregate mean (metric (id1 mean) (id2 mean)))}: metric selections at the leaves, then
 * cross-series aggregation, rolling windows, resampling and arithmetic above them.
 */
public sealed interface Operation {

    /** A metric (or, in resource searches, a metric name pattern) and the aggregation method read. */
    record Reference(String metric, String method) {}

    /** {@code (metric (m1 agg) (m2 agg) ...)} or {@code (metric m agg)}: series columns of the grid. */
    record Metrics(List<Reference> references) implements Operation {
        public Metrics {
            references = List.copyOf(references);
        }
    }

    /** {@code (aggregate method operand)}: one series from all columns, per timestamp. */
    record Aggregate(String method, Operation operand) implements Operation {}

    /** {@code (rolling method window operand)}: each column over a sliding window of points. */
    record Rolling(String method, int window, Operation operand) implements Operation {}

    /** {@code (resample method granularity operand)}: each column regrouped into new buckets. */
    record Resample(String method, Resampling sampling, Operation operand) implements Operation {}

    /** {@code (abs operand)}, {@code (rateofchange operand)}...: a function of each value. */
    record Unary(String operator, Operation operand) implements Operation {}

    /** {@code (+ left right)}, {@code (>= left right)}...: element-wise, series or constants. */
    record Binary(String operator, Operation left, Operation right) implements Operation {}

    /** {@code (clip operand min max)}: values bounded on both sides (a bound may be absent). */
    record Clip(Operation operand, Operation min, Operation max) implements Operation {}

    /** A number in an expression. */
    record Constant(double value) implements Operation {}
}
