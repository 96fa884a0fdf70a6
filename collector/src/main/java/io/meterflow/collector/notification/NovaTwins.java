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

    private final Map<String, String> seen;

    public NovaTwins(int capacity) {
        this.seen = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * True the first time an event is seen and whenever that same message comes again (a redelivery
     * whose first processing never reached Kafka must not be mistaken for its own twin); false for
     * the other format's message of the same event.
     */
    public synchronized boolean first(String instanceId, String legacyEventType, String timestamp, String messageId) {
        String owner =
                seen.putIfAbsent(instanceId + '|' + legacyEventType + '|' + timestamp, String.valueOf(messageId));
        return owner == null || owner.equals(String.valueOf(messageId));
    }
}
