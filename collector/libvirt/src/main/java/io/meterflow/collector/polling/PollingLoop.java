package io.meterflow.collector.polling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a cycle every {@code interval} on a fixed grid, each start delayed by a random jitter below
 * {@code maxJitter} so that many hosts do not hit their hypervisors and the bus in step. A cycle
 * that overruns its slot is logged and the slots it overlapped are skipped: cycles never stack
 * and never run concurrently, because the next one is scheduled only when one ends.
 */
public final class PollingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(PollingLoop.class);

    private final Supplier<CycleReport> cycle;
    private final CycleSink sink;
    private final Duration interval;
    private final Duration maxJitter;
    private final Clock clock;
    private final Scheduler scheduler;
    private final LongUnaryOperator random;
    private volatile boolean stopped;
    private Instant slot;
    private long skippedSlots;

    /**
     * @param random given a bound {@code n > 0}, a number in {@code [0, n)}; the jitter in nanoseconds
     */
    public PollingLoop(
            Supplier<CycleReport> cycle,
            CycleSink sink,
            Duration interval,
            Duration maxJitter,
            Clock clock,
            Scheduler scheduler,
            LongUnaryOperator random) {
        this.cycle = Objects.requireNonNull(cycle, "cycle");
        this.sink = Objects.requireNonNull(sink, "sink");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("polling interval must be positive, not " + interval);
        }
        if (maxJitter.isNegative() || maxJitter.compareTo(interval) >= 0) {
            throw new IllegalArgumentException(
                    "polling jitter must be at least 0 and below the interval " + interval + ", not " + maxJitter);
        }
        this.interval = interval;
        this.maxJitter = maxJitter;
        this.clock = clock;
        this.scheduler = scheduler;
        this.random = random;
    }

    /** Schedules the first cycle at the first slot, now plus jitter. */
    public synchronized void start() {
        slot = clock.instant();
        scheduler.schedule(this::tick, jitter());
    }

    public void stop() {
        stopped = true;
    }

    /** Slots skipped so far because a cycle overran them. */
    public synchronized long skippedSlots() {
        return skippedSlots;
    }

    private synchronized void tick() {
        if (stopped) {
            return;
        }
        Instant started = clock.instant();
        try {
            sink.accept(cycle.get());
        } catch (RuntimeException e) {
            LOG.error("Polling cycle started at {} failed; next one at the next slot", started, e);
        }
        Instant ended = clock.instant();
        Instant next = slot.plus(interval);
        long missed = 0;
        while (!next.isAfter(ended)) {
            next = next.plus(interval);
            missed++;
        }
        if (missed > 0) {
            skippedSlots += missed;
            LOG.warn(
                    "Polling cycle took {}, longer than the interval {}: skipping {} cycle(s), next at {}",
                    Duration.between(started, ended),
                    interval,
                    missed,
                    next);
        }
        slot = next;
        if (!stopped) {
            scheduler.schedule(this::tick, Duration.between(ended, next).plus(jitter()));
        }
    }

    private Duration jitter() {
        long bound = maxJitter.toNanos();
        return bound == 0 ? Duration.ZERO : Duration.ofNanos(random.applyAsLong(bound));
    }
}
