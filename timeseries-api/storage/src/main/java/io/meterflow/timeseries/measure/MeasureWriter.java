package io.meterflow.timeseries.measure;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.meterflow.timeseries.aggregation.Measure;
import io.meterflow.timeseries.aggregation.MetricAggregator;
import io.meterflow.timeseries.aggregation.MetricUpdate;
import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.storage.AggregateStore;
import io.meterflow.timeseries.storage.BufferSlices;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Folds measures into their metrics' aggregates in one transaction: either every metric of a
 * batch is updated or none is, so a failure mid-batch neither loses nor double-counts.
 */
public final class MeasureWriter implements MeasureIntake {

    private final Transactions transactions;
    private final AggregateStore store;
    private final BufferSlices slices;
    private final Meter accepted;
    private final Meter dropped;
    private final Timer writes;

    public MeasureWriter(Transactions transactions, AggregateStore store, BufferSlices slices, MetricRegistry metrics) {
        this.transactions = transactions;
        this.store = store;
        this.slices = slices;
        this.accepted = metrics.meter("meterflow.measures.accepted");
        this.dropped = metrics.meter("meterflow.measures.dropped");
        this.writes = metrics.timer("meterflow.measures.write");
    }

    @Override
    public void accept(Map<Metric, List<Measure>> batch) {
        if (batch.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        try (Timer.Context timing = writes.time()) {
            transactions.inTransaction(connection -> fold(connection, batch));
        }
    }

    private Void fold(Connection connection, Map<Metric, List<Measure>> batch) throws SQLException {
        List<Metric> metrics =
                batch.keySet().stream().sorted(Comparator.comparing(Metric::id)).toList();
        Set<UUID> live =
                store.lockMetrics(connection, metrics.stream().map(Metric::id).toList());
        Map<UUID, TimeSeries> buffers = slices.load(connection, live);
        List<BufferSlices.Write> writes = new ArrayList<>();
        AggregateChanges changes = new AggregateChanges();
        int accepted = 0;
        int dropped = 0;
        for (Metric metric : metrics) {
            TimeSeries buffer = buffers.getOrDefault(metric.id(), TimeSeries.EMPTY);
            List<Measure> measures = batch.get(metric);
            if (!live.contains(metric.id()) || measures.isEmpty()) {
                continue; // deleted while the request was in flight, as if the write came after
            }
            MetricAggregator aggregator = new MetricAggregator(
                    metric.archivePolicy().aggregations(),
                    metric.archivePolicy().backWindow());
            MetricUpdate update = aggregator.apply(buffer, measures);
            accepted += update.accepted();
            dropped += update.dropped();
            if (update.changed()) {
                writes.add(BufferSlices.Write.of(
                        metric.id(),
                        buffer,
                        update,
                        aggregator.windowStart(update.buffer().last())));
                changes.add(metric.id(), buffer, update);
            }
        }
        changes.writeTo(connection, store);
        slices.save(connection, writes);
        // Counted before commit: a rolled-back batch overcounts, which a meter of offered load tolerates.
        this.accepted.mark(accepted);
        this.dropped.mark(dropped);
        return null;
    }
}
