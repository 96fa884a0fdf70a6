package io.meterflow.collector.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The message ids whose results are safely published, so a redelivery (an ack lost when the
 * connection dropped) is recognised and not published twice. Bounded, oldest forgotten first; it
 * lives in memory, so after a collector restart the deterministic sample ids are what lets
 * consumers drop repeats.
 */
public final class MessageLedger {

    private final Map<String, Boolean> done;

    public MessageLedger(int capacity) {
        this.done = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized boolean isDone(String messageId) {
        return messageId != null && done.containsKey(messageId);
    }

    public synchronized void markDone(String messageId) {
        if (messageId != null) {
            done.put(messageId, Boolean.TRUE);
        }
    }
}
