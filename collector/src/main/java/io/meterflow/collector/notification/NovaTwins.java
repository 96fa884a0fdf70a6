package io.meterflow.collector.notification;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers recent Nova instance events so the second of a legacy/versioned twin pair is known.
 * Twins carry the same notification timestamp (Nova stamps the event once and emits both
 * formats), so instance id, event and that timestamp identify the pair. Bounded: the oldest keys
 * are forgotten first, and twins arrive within moments of each other.
 */
public final class NovaTwins {

    private final Map<String, Boolean> seen;

    public NovaTwins(int capacity) {
        this.seen = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an event is seen, false for its twin. */
    public synchronized boolean first(String instanceId, String legacyEventType, String timestamp) {
        return seen.putIfAbsent(instanceId + '|' + legacyEventType + '|' + timestamp, Boolean.TRUE) == null;
    }
}
