package io.meterflow.timeseries.aggregator;

import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricDao;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Metrics by id for the aggregator, remembered for a while: a metric's archive policy is read
 * once per {@code ttl}, not once per record. A policy changed through the API (new timespans,
 * Gnocchi only allows those) reaches the aggregator within about that time; a deleted metric's
 * last records are discarded by the write, which locks the metrics' buffers.
 *
 * <p>An expired entry is refreshed together with every entry due within the next quarter of the
 * ttl, in one query, and served until then: re-reading them one query each cost the stream thread
 * a sixth of its time in the soak (20,000 metrics, 670 queries a second).
 */
final class MetricLookup {

    private static final int REFRESH_CHUNK = 5_000;

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
        if (entry == null) {
            entry = new Entry(transactions.read(connection -> metrics.find(connection, id)), now + ttlMillis);
            entries.put(id, entry);
        } else if (entry.expiresAt() < now) {
            refreshDue(now);
            entry = entries.getOrDefault(id, entry);
        }
        return entry.metric();
    }

    private synchronized void refreshDue(long now) {
        List<UUID> due = new ArrayList<>();
        entries.forEach((id, entry) -> {
            if (entry.expiresAt() < now + ttlMillis / 4) {
                due.add(id);
            }
        });
        for (int from = 0; from < due.size(); from += REFRESH_CHUNK) {
            List<UUID> chunk = due.subList(from, Math.min(due.size(), from + REFRESH_CHUNK));
            Map<UUID, Metric> found = transactions.read(connection -> metrics.findAll(connection, chunk));
            long expiresAt = clock.millis() + ttlMillis;
            for (UUID id : chunk) {
                entries.put(id, new Entry(Optional.ofNullable(found.get(id)), expiresAt));
            }
        }
    }
}
