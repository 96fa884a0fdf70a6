package io.meterflow.rating.hashmap;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The charge plans remembered for one service, by outcome key. Most rule sets have a few hundred
 * outcomes at most: then every key has its slot in an array, found without hashing or boxing.
 * Past {@link #LIMIT} outcomes the plans of the keys in use are kept in a map, up to that many;
 * a service whose outcomes do not fit a long keeps none. Shared by the rating threads.
 */
final class ChargePlans {

    /** Plans remembered per service; past that many outcomes in use, the others are planned afresh. */
    static final int LIMIT = 4096;

    /** Every key's slot (a key is below the outcomes), or null. */
    private final AtomicReferenceArray<ChargePlan> byKey;
    /** The keys in use, when there are too many outcomes for slots; null when nothing is kept. */
    private final Map<Long, ChargePlan> inUse;

    /** @param outcomes the service's {@code outcomes()}: how many keys there can be, or -1 */
    ChargePlans(long outcomes) {
        boolean slots = outcomes >= 0 && outcomes <= LIMIT;
        this.byKey = slots ? new AtomicReferenceArray<>((int) outcomes) : null;
        this.inUse = outcomes > LIMIT ? new ConcurrentHashMap<>() : null;
    }

    /** The plan remembered for {@code key}, or null. */
    ChargePlan get(long key) {
        if (byKey != null) {
            return byKey.get((int) key);
        }
        return inUse == null ? null : inUse.get(key);
    }

    void remember(long key, ChargePlan plan) {
        if (byKey != null) {
            byKey.set((int) key, plan);
        } else if (inUse != null && inUse.size() < LIMIT) {
            inUse.put(key, plan);
        }
    }
}
