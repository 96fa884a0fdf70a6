package io.meterflow.timeseries.aggregates;

import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyItem;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.storage.AggregateStore;
import io.meterflow.timeseries.time.Timespans;
import io.meterflow.timeseries.time.Timestamps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Cross-metric aggregation, as Gnocchi's aggregates processor: reads every referenced series at
 * each granularity in one query, aligns them on their timestamps (filling or requiring overlap),
 * evaluates the operations, and shapes the answer.
 */
public final class AggregatesProcessor {

    /**
     * A series to read: the metric, the method, and the name the operations refer to it by (a
     * metric id, or for resource searches the metric name pattern, shared by many series).
     * {@code byResource} series are answered as {@code {resource_id: {metric_name: {method: ...}}}}.
     */
    public record Reference(Metric metric, String method, String name, boolean byResource) {
        public Reference(Metric metric, String method, String name) {
            this(metric, method, name, false);
        }

        Operation.Reference lookup() {
            return new Operation.Reference(name, method);
        }
    }

    /** A requested (method, granularity) the metric's archive policy does not have. */
    public static final class MissingAggregationException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Metric metric;
        private final String method;
        private final long granularity;

        MissingAggregationException(Metric metric, String method, long granularity) {
            super("Aggregation method '" + method + "' at granularity '" + Timespans.toSeconds(granularity)
                    + "' for metric " + metric.id() + " does not exist");
            this.metric = metric;
            this.method = method;
            this.granularity = granularity;
        }

        public Metric metric() {
            return metric;
        }

        public String method() {
            return method;
        }

        public long granularity() {
            return granularity;
        }
    }

    private final Transactions transactions;
    private final AggregateStore store;

    public AggregatesProcessor(Transactions transactions, AggregateStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    /**
     * Runs the operations; answers a list of {@code [timestamp, granularity, value]} when they
     * aggregate the series into one, else {@code {name: {method: [...]}}} per series.
     */
    public Object run(
            List<Reference> references,
            Operation operations,
            Long start,
            Long stop,
            List<Long> granularities,
            double neededOverlap,
            Fill fill) {
        return runEach(
                        List.of(new GroupQuery(references, start, stop, false)),
                        operations,
                        granularities,
                        neededOverlap,
                        fill)
                .get(0);
    }

    /**
     * One group of a grouped aggregation: its series and its own window. With {@code wholeBucketsOnly}
     * a bucket that began before {@code start} is left out instead of included (a resource revision
     * that began mid-bucket: the bucket belongs to the revision valid when it began).
     */
    public record GroupQuery(List<Reference> references, Long start, Long stop, boolean wholeBucketsOnly) {}

    /**
     * Runs the same operations for each group, reading every group's series in one query: what a
     * groupby over hundreds of resources costs once instead of once per group. Answers in the
     * groups' order what {@link #run} answers for each.
     */
    public List<Object> runEach(
            List<GroupQuery> groups, Operation operations, List<Long> granularities, double neededOverlap, Fill fill) {
        List<List<Long>> descendingByGroup = new ArrayList<>();
        TreeSet<Long> allGranularities = new TreeSet<>(Comparator.reverseOrder());
        List<UUID> metricIds = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        Long start = null;
        Long stop = null;
        boolean unboundedStart = false;
        boolean unboundedStop = false;
        for (GroupQuery group : groups) {
            List<Long> wanted = granularities == null ? commonGranularities(group.references()) : granularities;
            checkAggregations(group.references(), wanted);
            List<Long> descending =
                    wanted.stream().distinct().sorted(Comparator.reverseOrder()).toList();
            descendingByGroup.add(descending);
            allGranularities.addAll(descending);
            group.references().forEach(r -> {
                metricIds.add(r.metric().id());
                methods.add(r.method());
            });
            unboundedStart |= group.start() == null;
            unboundedStop |= group.stop() == null;
            if (group.start() != null) {
                start = start == null ? group.start() : Long.valueOf(Math.min(start, group.start()));
            }
            if (group.stop() != null) {
                stop = stop == null ? group.stop() : Long.valueOf(Math.max(stop, group.stop()));
            }
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        Long readStart = unboundedStart ? null : start;
        Long readStop = unboundedStop ? null : stop;
        Map<AggregateStore.SeriesKey, TimeSeries> stored = transactions.read(connection ->
                store.readMany(connection, metricIds, methods, List.copyOf(allGranularities), readStart, readStop));
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            GroupQuery group = groups.get(i);
            results.add(compute(
                    group.references(),
                    stored,
                    operations,
                    group.start(),
                    group.stop(),
                    descendingByGroup.get(i),
                    neededOverlap,
                    fill,
                    group.wholeBucketsOnly()));
        }
        return results;
    }

    /** The in-memory half of {@link #run}: aligns the series read and evaluates the operations. */
    Object compute(
            List<Reference> references,
            Map<AggregateStore.SeriesKey, TimeSeries> stored,
            Operation operations,
            Long start,
            Long stop,
            List<Long> descending,
            double neededOverlap,
            Fill fill) {
        return compute(references, stored, operations, start, stop, descending, neededOverlap, fill, false);
    }

    private Object compute(
            List<Reference> references,
            Map<AggregateStore.SeriesKey, TimeSeries> stored,
            Operation operations,
            Long start,
            Long stop,
            List<Long> descending,
            double neededOverlap,
            Fill fill,
            boolean wholeBucketsOnly) {
        List<Operation.Reference> lookups =
                references.stream().map(Reference::lookup).toList();
        OperationEvaluator evaluator = new OperationEvaluator(lookups);
        List<Grid> results = new ArrayList<>();
        for (long granularity : descending) {
            Grid grid =
                    align(references, stored, granularity, start, stop, neededOverlap, fill, lookups, wholeBucketsOnly);
            results.add(evaluator.evaluate(operations, grid));
        }
        boolean aggregated = results.stream().anyMatch(Grid::aggregated);
        boolean dropNa = fill instanceof Fill.DropNa;
        if (aggregated) {
            List<Object[]> rows = new ArrayList<>();
            results.forEach(grid -> rows.addAll(rows(grid, 0, dropNa)));
            return rows;
        }
        if (references.stream().anyMatch(Reference::byResource)) {
            Map<String, Map<String, Map<String, List<Object[]>>>> byResource = new LinkedHashMap<>();
            for (Grid grid : results) {
                for (int c = 0; c < grid.width(); c++) {
                    Reference reference = references.get(c);
                    byResource
                            .computeIfAbsent(
                                    String.valueOf(reference.metric().resourceId()), r -> new LinkedHashMap<>())
                            .computeIfAbsent(reference.metric().name(), n -> new LinkedHashMap<>())
                            .computeIfAbsent(reference.method(), m -> new ArrayList<>())
                            .addAll(rows(grid, c, dropNa));
                }
            }
            return byResource;
        }
        Map<String, Map<String, List<Object[]>>> bySeries = new LinkedHashMap<>();
        for (Grid grid : results) {
            for (int c = 0; c < grid.width(); c++) {
                Reference reference = references.get(c);
                bySeries.computeIfAbsent(reference.name(), n -> new LinkedHashMap<>())
                        .computeIfAbsent(reference.method(), m -> new ArrayList<>())
                        .addAll(rows(grid, c, dropNa));
            }
        }
        return bySeries;
    }

    /** The granularities every referenced metric's policy has; none is Gnocchi's "No granularity match". */
    public static List<Long> commonGranularities(List<Reference> references) {
        List<Long> common = null;
        for (Reference reference : references) {
            List<Long> own = reference.metric().archivePolicy().definition().stream()
                    .map(ArchivePolicyItem::granularity)
                    .toList();
            common = common == null
                    ? new ArrayList<>(own)
                    : new ArrayList<>(common.stream().filter(own::contains).toList());
        }
        if (common == null || common.isEmpty()) {
            throw OperationEvaluator.unaggregable(
                    references.stream().map(r -> List.of(r.name(), r.method())).toList(), "No granularity match");
        }
        return common;
    }

    private static void checkAggregations(List<Reference> references, List<Long> granularities) {
        List<List<Object>> missing = new ArrayList<>();
        for (Reference reference : references) {
            var policy = reference.metric().archivePolicy();
            if (!policy.aggregationMethods().contains(reference.method())) {
                throw new MissingAggregationException(
                        reference.metric(),
                        reference.method(),
                        policy.definition().get(0).granularity());
            }
            for (long granularity : granularities) {
                if (policy.itemFor(granularity).isEmpty()) {
                    missing.add(List.of(reference.name(), reference.method(), Timespans.toSeconds(granularity)));
                    break;
                }
            }
        }
        if (!missing.isEmpty()) {
            throw OperationEvaluator.unaggregable(missing, "Granularities are missing");
        }
    }

    private static Grid align(
            List<Reference> references,
            Map<AggregateStore.SeriesKey, TimeSeries> stored,
            long granularity,
            Long start,
            Long stop,
            double neededOverlap,
            Fill fill,
            List<Operation.Reference> lookups,
            boolean wholeBucketsOnly) {
        List<TimeSeries> series = new ArrayList<>();
        TreeSet<Long> allTimes = new TreeSet<>();
        for (Reference reference : references) {
            TimeSeries points = stored.getOrDefault(
                    new AggregateStore.SeriesKey(reference.metric().id(), reference.method(), granularity),
                    TimeSeries.EMPTY);
            Long timespan = reference
                    .metric()
                    .archivePolicy()
                    .itemFor(granularity)
                    .map(ArchivePolicyItem::timespan)
                    .orElse(null);
            if (timespan != null && !points.isEmpty()) {
                points = points.after(points.last() - timespan);
            }
            long from = start == null
                    ? Long.MIN_VALUE
                    : io.meterflow.timeseries.aggregation.Buckets.floor(start, granularity);
            if (wholeBucketsOnly && start != null && from < start) {
                from += granularity;
            }
            points = points.between(from, stop == null ? Long.MAX_VALUE : stop);
            series.add(points);
            for (long time : points.timestamps()) {
                allTimes.add(time);
            }
        }
        long[] times = allTimes.stream().mapToLong(Long::longValue).toArray();
        double[][] columns = new double[series.size()][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = OperationEvaluator.align(series.get(c), times);
            if (fill instanceof Fill.Value) {
                double filler = fill.filler();
                for (int t = 0; t < times.length; t++) {
                    if (Double.isNaN(columns[c][t])) {
                        columns[c][t] = filler;
                    }
                }
            }
        }
        if (fill instanceof Fill.None) {
            return requireOverlap(granularity, times, columns, start, stop, neededOverlap, lookups);
        }
        return new Grid(Timespans.toSeconds(granularity), times, columns, false);
    }

    /** Without fill only timestamps every series has are certain; Gnocchi's needed_overlap rule. */
    private static Grid requireOverlap(
            long granularity,
            long[] times,
            double[][] columns,
            Long start,
            Long stop,
            double neededOverlap,
            List<Operation.Reference> lookups) {
        List<Integer> overlap = new ArrayList<>();
        for (int t = 0; t < times.length; t++) {
            boolean complete = true;
            for (double[] column : columns) {
                complete &= !Double.isNaN(column[t]);
            }
            if (complete) {
                overlap.add(t);
            }
        }
        List<List<String>> detail =
                lookups.stream().map(l -> List.of(l.metric(), l.method())).toList();
        if (overlap.isEmpty() && neededOverlap > 0) {
            throw OperationEvaluator.unaggregable(detail, "No overlap");
        }
        boolean trim = times.length > 0 && !overlap.isEmpty();
        int first = trim && start == null ? overlap.get(0) : 0;
        int last = trim && stop == null ? overlap.get(overlap.size() - 1) + 1 : times.length;
        long[] kept = Arrays.copyOfRange(times, first, last);
        double[][] keptColumns = Arrays.stream(columns)
                .map(c -> Arrays.copyOfRange(c, first, last))
                .toArray(double[][]::new);
        if (kept.length > 0) {
            double percent = overlap.size() * 100.0 / kept.length;
            if (percent < neededOverlap) {
                throw OperationEvaluator.unaggregable(
                        detail,
                        String.format(
                                "Less than %f%% of datapoints overlap in this timespan (%.2f%%)",
                                neededOverlap, percent));
            }
        }
        return new Grid(Timespans.toSeconds(granularity), kept, keptColumns, false);
    }

    private static List<Object[]> rows(Grid grid, int column, boolean dropNa) {
        List<Object[]> rows = new ArrayList<>();
        double[] values = grid.columns().length == 0 ? new double[0] : grid.columns()[column];
        for (int t = 0; t < grid.times().length; t++) {
            double value = values[t];
            if (dropNa && (Double.isNaN(value) || Double.isInfinite(value))) {
                continue;
            }
            rows.add(new Object[] {Timestamps.format(grid.times()[t]), grid.granularity(), value});
        }
        return rows;
    }
}
