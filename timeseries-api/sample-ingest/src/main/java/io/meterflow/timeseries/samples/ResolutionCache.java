package io.meterflow.timeseries.samples;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the sample ingest learnt from the database, so that a sample of a known metric whose
 * resource attributes did not change costs no round trip: (resource, meter) → metric id, and
 * resource → hash of the attributes last applied. Both maps are LRU-bounded; an entry older than
 * the expiry is treated as missing, so a metric or resource deleted through the API is found
 * missing and recreated within that time (the publisher's cache has no such bound).
 *
 * <p>Shared by the stream threads of a process; a lock per operation costs nothing next to the
 * rest of a sample's handling, and samples of one resource come from one partition anyway.
 */
final class ResolutionCache {

    private record MetricKey(UUID resourceId, String meter) {}

    private record Entry<V>(V value, long loadedAtMs) {}

    private final Clock clock;
    private final long expiryMs;
    private final Map<MetricKey, Entry<UUID>> metrics;
    private final Map<UUID, Entry<Long>> attributeHashes;

    ResolutionCache(int maxEntries, long expiryMs, Clock clock) {
        this.clock = clock;
        this.expiryMs = expiryMs;
        this.metrics = lru(maxEntries);
        this.attributeHashes = lru(maxEntries);
    }

    private static <K, V> Map<K, V> lru(int maxEntries) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The metric id of this meter of this resource, null when unknown or expired. */
    synchronized UUID metric(UUID resourceId, String meter) {
        return fresh(metrics, new MetricKey(resourceId, meter));
    }

    synchronized void putMetric(UUID resourceId, String meter, UUID metricId) {
        metrics.put(new MetricKey(resourceId, meter), new Entry<>(metricId, clock.millis()));
    }

    /** Whether these attributes are the ones last applied to the resource (within the expiry). */
    synchronized boolean attributesApplied(UUID resourceId, long attributeHash) {
        Long applied = fresh(attributeHashes, resourceId);
        return applied != null && applied == attributeHash;
    }

    synchronized void putAttributes(UUID resourceId, long attributeHash) {
        attributeHashes.put(resourceId, new Entry<>(attributeHash, clock.millis()));
    }

    /** Another path (a resource event) changed the resource: the next sample compares again. */
    synchronized void forgetAttributes(UUID resourceId) {
        attributeHashes.remove(resourceId);
    }

    synchronized int size() {
        return metrics.size() + attributeHashes.size();
    }

    private <K, V> V fresh(Map<K, Entry<V>> map, K key) {
        Entry<V> entry = map.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.millis() - entry.loadedAtMs() > expiryMs) {
            map.remove(key);
            return null;
        }
        return entry.value();
    }
}
