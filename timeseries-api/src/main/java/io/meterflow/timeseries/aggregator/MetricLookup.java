package io.meterflow.timeseries.aggregator;

import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricDao;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Metrics by id for the aggregator, remembered for a while: a metric's archive policy is read
 * once per {@code ttl}, not once per record. A policy changed through the API (new timespans,
 * Gnocchi only allows those) reaches the aggregator within that time; a deleted metric's last
 * records are discarded by the write, which locks the metrics' buffers.
 */
final class MetricLookup {

    private record Entry(Optional<Metric> metric, long expiresAt) {
    }

    private final Transactions transactions;
    private final MetricDao metrics;
    private final Clock clock;
    private final long ttlMillis;
    private final ConcurrentHashMap<UUID, Entry> entries = new ConcurrentHashMap<>();

    MetricLookup(Transactions transactions, MetricDao metrics, Clock clock, Duration ttl) {
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
    }

    Optional<Metric> find(UUID id) {
        long now = clock.millis();
        Entry entry = entries.get(id);
        if (entry == null || entry.expiresAt() < now) {
            entry = new Entry(transactions.read(connection -> metrics.find(connection, id)), now + ttlMillis);
            entries.put(id, entry);
        }
        return entry.metric();
    }
}
