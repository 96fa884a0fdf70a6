package io.meterflow.timeseries.measure;

import io.meterflow.timeseries.aggregation.AggregationMethod;
import io.meterflow.timeseries.aggregation.BucketAggregator;
import io.meterflow.timeseries.aggregation.Resampling;
import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyItem;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.storage.AggregateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a metric's aggregates, as Gnocchi's {@code GET /v1/metric/{id}/measures} returns them. */
public final class MeasureReader {

    /**
     * One point of the answer: bucket start (ns), granularity as Gnocchi prints it (seconds, or a
     * calendar period letter after calendar resampling) and value.
     */
    public record Point(long timestamp, Object granularity, double value) {}

    /** What to read; granularities in descending order, the order of the answer. */
    public record Query(String method, List<Long> granularities, Long start, Long stop, Resampling resample) {}

    private final Transactions transactions;
    private final AggregateStore store;

    public MeasureReader(Transactions transactions, AggregateStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    public List<Point> read(Metric metric, Query query) {
        Map<Long, TimeSeries> stored = transactions.read(connection -> store.read(
                connection, metric.id(), query.method(), query.granularities(), query.start(), query.stop()));
        AggregationMethod method = AggregationMethod.parse(query.method());
        List<Point> points = new ArrayList<>();
        for (long granularity : query.granularities()) {
            TimeSeries series = unexpired(
                    stored.get(granularity),
                    metric.archivePolicy()
                            .itemFor(granularity)
                            .map(ArchivePolicyItem::timespan)
                            .orElse(null));
            Resampling sampling = query.resample() == null ? new Resampling.Fixed(granularity) : query.resample();
            if (query.resample() != null) {
                series = BucketAggregator.resample(series, sampling.bucketStart(), method);
            }
            long from = query.start() == null
                    ? Long.MIN_VALUE
                    : sampling.bucketStart().applyAsLong(query.start());
            long to = query.stop() == null ? Long.MAX_VALUE : query.stop();
            TimeSeries window = series.between(from, to);
            Object label = sampling.label();
            for (int i = 0; i < window.size(); i++) {
                points.add(new Point(window.timestamps()[i], label, window.values()[i]));
            }
        }
        return points;
    }

    /** Gnocchi truncates on read relative to the newest point read, and so do we. */
    private static TimeSeries unexpired(TimeSeries series, Long timespan) {
        if (timespan == null || series.isEmpty()) {
            return series;
        }
        return series.after(series.last() - timespan);
    }
}
