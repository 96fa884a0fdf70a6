package io.meterflow.timeseries.aggregates;

import io.meterflow.timeseries.aggregation.AggregationMethod;
import io.meterflow.timeseries.aggregation.BucketAggregator;
import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.failure.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Evaluates an operation tree over the grid of fetched series, as Gnocchi's
 * {@code aggregates.operations.evaluate} does. Pure computation: no I/O.
 */
final class OperationEvaluator {

    /** An evaluated operand: a grid of series, or a plain number. */
    private sealed interface Value {}

    private record Series(Grid grid) implements Value {}

    private record Scalar(double value) implements Value {}

    private final List<Operation.Reference> columnReferences;
    /** The series involved, as Gnocchi names them in errors: [name, method] pairs. */
    private final List<List<String>> errorDetail;

    /** {@code columnReferences} names the columns of the initial grid, in order. */
    OperationEvaluator(List<Operation.Reference> columnReferences) {
        this.columnReferences = List.copyOf(columnReferences);
        this.errorDetail = this.columnReferences.stream()
                .map(r -> List.of(r.metric(), r.method()))
                .toList();
    }

    Grid evaluate(Operation operation, Grid initial) {
        Value value = evaluate(operation, initial, true);
        if (value instanceof Series series) {
            return series.grid();
        }
        throw unaggregable(errorDetail, "Operations must produce a series, not a number");
    }

    private Value evaluate(Operation operation, Grid initial, boolean root) {
        // Java 17: an instanceof chain over the sealed hierarchy (no pattern switch yet).
        if (operation instanceof Operation.Constant constant) {
            return new Scalar(constant.value());
        }
        if (operation instanceof Operation.Metrics metrics) {
            return new Series(select(initial, metrics));
        }
        if (operation instanceof Operation.Aggregate aggregate) {
            return new Series(aggregate(grid(aggregate.operand(), initial), aggregate.method()));
        }
        if (operation instanceof Operation.Rolling rolling) {
            return new Series(rolling(grid(rolling.operand(), initial), rolling));
        }
        if (operation instanceof Operation.Resample resample) {
            return new Series(resample(grid(resample.operand(), initial), resample));
        }
        if (operation instanceof Operation.Unary unary) {
            return new Series(unary(grid(unary.operand(), initial), unary.operator()));
        }
        if (operation instanceof Operation.Binary binary) {
            return binary(
                    evaluate(binary.left(), initial, false),
                    evaluate(binary.right(), initial, false),
                    GridOperators.binary(binary.operator()),
                    binary.operator());
        }
        return clip((Operation.Clip) operation, initial);
    }

    private Grid grid(Operation operation, Grid initial) {
        Value value = evaluate(operation, initial, false);
        if (value instanceof Series series) {
            return series.grid();
        }
        throw unaggregable(errorDetail, "Operation needs a series, got a number");
    }

    private Grid select(Grid initial, Operation.Metrics metrics) {
        List<double[]> selected = new ArrayList<>();
        for (int i = 0; i < columnReferences.size(); i++) {
            if (metrics.references().contains(columnReferences.get(i))) {
                selected.add(initial.columns()[i]);
            }
        }
        return initial.withColumns(initial.times(), selected.toArray(double[][]::new), initial.aggregated());
    }

    private static Grid aggregate(Grid grid, String method) {
        double[] result = new double[grid.times().length];
        double[] row = new double[grid.width()];
        for (int t = 0; t < result.length; t++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = grid.columns()[c][t];
            }
            result[t] = GridAggregates.reduce(GridAggregates.base(method), row);
        }
        long[] times = grid.times();
        if (GridAggregates.isRate(method)) {
            times = Arrays.copyOfRange(times, Math.min(1, times.length), times.length);
            result = differences(result);
        }
        return grid.withColumns(times, new double[][] {result}, true);
    }

    private Grid rolling(Grid grid, Operation.Rolling rolling) {
        int window = rolling.window();
        int length = grid.times().length;
        if (window > length) {
            throw unaggregable(
                    errorDetail, "Rolling window '" + window + "' is greater than serie length '" + length + "'");
        }
        long[] times = Arrays.copyOfRange(grid.times(), window - 1, length);
        double[][] columns = new double[grid.width()][];
        String base = GridAggregates.base(rolling.method());
        for (int c = 0; c < columns.length; c++) {
            double[] out = new double[times.length];
            for (int t = 0; t < out.length; t++) {
                out[t] = GridAggregates.reduce(base, Arrays.copyOfRange(grid.columns()[c], t, t + window));
            }
            columns[c] = GridAggregates.isRate(rolling.method()) ? differences(out) : out;
        }
        if (GridAggregates.isRate(rolling.method())) {
            times = Arrays.copyOfRange(times, Math.min(1, times.length), times.length);
        }
        return grid.withColumns(times, columns, grid.aggregated());
    }

    /** Each column regrouped with the carbonara reducer of the method, then realigned. */
    private Grid resample(Grid grid, Operation.Resample resample) {
        AggregationMethod method = AggregationMethod.parse(resample.method());
        if (method == null) {
            throw unaggregable(errorDetail, "'" + resample.method() + "' cannot resample");
        }
        List<TimeSeries> resampled = new ArrayList<>();
        TreeSet<Long> allTimes = new TreeSet<>();
        for (double[] column : grid.columns()) {
            TimeSeries series = BucketAggregator.resample(
                    new TimeSeries(grid.times(), column), resample.sampling().bucketStart(), method);
            resampled.add(series);
            for (long time : series.timestamps()) {
                allTimes.add(time);
            }
        }
        long[] times = allTimes.stream().mapToLong(Long::longValue).toArray();
        double[][] columns = new double[resampled.size()][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = align(resampled.get(c), times);
        }
        return new Grid(resample.sampling().label(), times, columns, grid.aggregated());
    }

    private static Grid unary(Grid grid, String operator) {
        if (operator.equals("rateofchange")) {
            long[] times = Arrays.copyOfRange(grid.times(), Math.min(1, grid.times().length), grid.times().length);
            double[][] columns = Arrays.stream(grid.columns())
                    .map(OperationEvaluator::differences)
                    .toArray(double[][]::new);
            return grid.withColumns(times, columns, grid.aggregated());
        }
        DoubleUnaryOperator function = GridOperators.unary(operator);
        double[][] columns = Arrays.stream(grid.columns())
                .map(column -> Arrays.stream(column).map(function).toArray())
                .toArray(double[][]::new);
        return grid.withColumns(grid.times(), columns, grid.aggregated());
    }

    private Value binary(Value left, Value right, DoubleBinaryOperator function, String operator) {
        if (left instanceof Scalar a && right instanceof Scalar b) {
            return new Scalar(function.applyAsDouble(a.value(), b.value()));
        }
        if (left instanceof Series a && right instanceof Series b) {
            Grid l = a.grid();
            Grid r = b.grid();
            if (!Arrays.equals(l.times(), r.times()) || !l.granularity().equals(r.granularity())) {
                throw unaggregable(
                        errorDetail,
                        "Can't compute timeseries with different granularity or timestamps for '" + operator + "'");
            }
            double[][] columns = broadcast(l.columns(), r.columns(), function);
            return new Series(l.withColumns(l.times(), columns, true));
        }
        if (left instanceof Series a && right instanceof Scalar b) {
            return new Series(map(a.grid(), v -> function.applyAsDouble(v, b.value())));
        }
        Scalar a = (Scalar) left;
        Grid b = ((Series) right).grid();
        return new Series(map(b, v -> function.applyAsDouble(a.value(), v)));
    }

    private Value clip(Operation.Clip clip, Grid initial) {
        Value operand = evaluate(clip.operand(), initial, false);
        Value low = evaluate(clip.min(), initial, false);
        Value clipped = binary(operand, low, Math::max, "clip");
        if (clip.max() == null) {
            return clipped;
        }
        return binary(clipped, evaluate(clip.max(), initial, false), Math::min, "clip");
    }

    /** numpy broadcasting of two grids: same width, or one of them a single column. */
    private double[][] broadcast(double[][] left, double[][] right, DoubleBinaryOperator function) {
        int width = Math.max(left.length, right.length);
        if (left.length != right.length && left.length != 1 && right.length != 1) {
            throw unaggregable(errorDetail, "Operands have different numbers of series");
        }
        double[][] result = new double[width][];
        for (int c = 0; c < width; c++) {
            double[] l = left[left.length == 1 ? 0 : c];
            double[] r = right[right.length == 1 ? 0 : c];
            result[c] = new double[l.length];
            for (int t = 0; t < l.length; t++) {
                result[c][t] = function.applyAsDouble(l[t], r[t]);
            }
        }
        return result;
    }

    private static Grid map(Grid grid, DoubleUnaryOperator function) {
        double[][] columns = Arrays.stream(grid.columns())
                .map(column -> Arrays.stream(column).map(function).toArray())
                .toArray(double[][]::new);
        return grid.withColumns(grid.times(), columns, grid.aggregated());
    }

    private static double[] differences(double[] values) {
        if (values.length < 2) {
            return new double[0];
        }
        double[] result = new double[values.length - 1];
        for (int i = 0; i < result.length; i++) {
            result[i] = values[i + 1] - values[i];
        }
        return result;
    }

    static double[] align(TimeSeries series, long[] times) {
        double[] column = new double[times.length];
        Arrays.fill(column, Double.NaN);
        int j = 0;
        for (int i = 0; i < series.size(); i++) {
            while (times[j] < series.timestamps()[i]) {
                j++;
            }
            column[j] = series.values()[i];
        }
        return column;
    }

    /** Gnocchi's UnAggregableTimeseries: a 400 naming the series involved. */
    static InvalidInputException unaggregable(Object references, String reason) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("cause", "Metrics can't being aggregated");
        description.put("reason", reason);
        description.put("detail", references);
        return InvalidInputException.explained(description);
    }
}
