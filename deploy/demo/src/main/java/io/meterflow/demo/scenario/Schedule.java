package io.meterflow.demo.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When the resources of a plan live, relative to the demo's history start: once from
 * {@code first} (forever, or for {@code lifetime}), or again every {@code every}. A pure function
 * of time, so history and live activity are the same computation and a restart needs no memory of
 * what exists.
 */
public record Schedule(Duration first, Optional<Duration> every, Optional<Duration> lifetime) {

    public Schedule {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(lifetime, "lifetime");
        if (first.isNegative()) {
            throw new IllegalArgumentException("first must not be negative: " + first);
        }
        if (every.isPresent() && lifetime.isEmpty()) {
            throw new IllegalArgumentException("a recurring resource needs a lifetime");
        }
        if (every.isPresent() && (every.get().isZero() || every.get().isNegative())) {
            throw new IllegalArgumentException("every must be positive: " + every.get());
        }
    }

    public static Schedule forever(Duration first) {
        return new Schedule(first, Optional.empty(), Optional.empty());
    }

    public static Schedule recurring(Duration first, Duration every, Duration lifetime) {
        return new Schedule(first, Optional.of(every), Optional.of(lifetime));
    }

    /** One life of a resource: its index among the plan's lives, creation and deletion times. */
    public record Life(int index, Instant created, Optional<Instant> deleted) {

        public boolean aliveAt(Instant time) {
            return !time.isBefore(created) && deleted.map(time::isBefore).orElse(true);
        }
    }

    /** The lives that overlap [from, to), oldest first. */
    public List<Life> livesBetween(Instant origin, Instant from, Instant to) {
        Instant start = origin.plus(first);
        if (every.isEmpty()) {
            Life life = new Life(0, start, lifetime.map(start::plus));
            return overlaps(life, from, to) ? List.of(life) : List.of();
        }
        long period = every.get().toSeconds();
        long firstIndex = Math.max(
                0,
                Math.floorDiv(
                        from.getEpochSecond()
                                - start.getEpochSecond()
                                - lifetime.get().toSeconds(),
                        period));
        long lastIndex = Math.floorDiv(to.getEpochSecond() - start.getEpochSecond(), period);
        List<Life> lives = new ArrayList<>();
        for (long index = firstIndex; index <= lastIndex; index++) {
            Instant created = start.plusSeconds(index * period);
            Life life = new Life((int) index, created, Optional.of(created.plus(lifetime.get())));
            if (overlaps(life, from, to)) {
                lives.add(life);
            }
        }
        return lives;
    }

    /** A life whose deletion falls at {@code from} still overlaps: the deletion is sent in the window. */
    private static boolean overlaps(Life life, Instant from, Instant to) {
        return life.created().isBefore(to)
                && life.deleted().map(d -> !d.isBefore(from)).orElse(true);
    }
}
