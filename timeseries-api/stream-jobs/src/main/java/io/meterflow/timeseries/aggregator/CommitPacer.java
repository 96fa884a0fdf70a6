package io.meterflow.timeseries.aggregator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the fold processors of one aggregator instance whether all of them keep up with the
 * measures topic, so that they ask for early commits only then.
 *
 * <p>Kafka Streams commits every task of a thread together under exactly-once: one partition
 * asking for a commit flushes the folds of all. Measured on the bulk benchmark, partitions
 * deciding alone made runs swing between 230k and 320k measures/s end to end, as one partition
 * that happened to be caught up kept cutting the other partitions' folds short.
 */
final class CommitPacer {

    private record Progress(long newestRecordTime, long processedAt) {}

    private final long behindAfterMs;
    private final Map<Integer, Progress> partitions = new ConcurrentHashMap<>();

    /** A partition is behind when the newest record it folded was written more than this ago. */
    CommitPacer(long behindAfterMs) {
        this.behindAfterMs = behindAfterMs;
    }

    void processed(int partition, long recordTime, long now) {
        partitions.merge(
                partition,
                new Progress(recordTime, now),
                (old, latest) -> new Progress(Math.max(old.newestRecordTime(), recordTime), now));
    }

    /**
     * True when no partition that was active lately is behind. A partition with nothing to fold
     * for a while (idle, or moved to another instance) does not hold the others back.
     */
    boolean caughtUp(long now) {
        for (Progress progress : partitions.values()) {
            boolean active = now - progress.processedAt() < behindAfterMs;
            if (active && now - progress.newestRecordTime() >= behindAfterMs) {
                return false;
            }
        }
        return true;
    }
}
