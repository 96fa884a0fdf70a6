package io.meterflow.collector.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollingLoopTest {

    private static final Instant T0 = Instant.parse("2024-01-15T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(300);

    /** A clock the test moves; the scheduler advances it to each task's due time. */
    private static final class StepClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final class StepScheduler implements Scheduler {
        final StepClock clock;
        final Deque<Runnable> tasks = new ArrayDeque<>();
        final List<Duration> delays = new ArrayList<>();
        final List<Instant> due = new ArrayList<>();

        StepScheduler(StepClock clock) {
            this.clock = clock;
        }

        @Override
        public void schedule(Runnable task, Duration delay) {
            assertThat(tasks).as("never more than one cycle pending").isEmpty();
            tasks.add(task);
            delays.add(delay);
            due.add(clock.now.plus(delay));
        }

        void runNext() {
            clock.now = due.get(due.size() - 1);
            tasks.poll().run();
        }
    }

    @Test
    void runsOnAFixedGridWithJitterAddedToEachStart() {
        StepClock clock = new StepClock();
        StepScheduler scheduler = new StepScheduler(clock);
        List<Instant> starts = new ArrayList<>();
        PollingLoop loop = new PollingLoop(
                () -> {
                    starts.add(clock.now);
                    clock.now = clock.now.plusSeconds(10);
                    return null;
                },
                report -> {},
                INTERVAL,
                Duration.ofSeconds(30),
                clock,
                scheduler,
                bound -> Duration.ofSeconds(7).toNanos());

        loop.start();
        scheduler.runNext();
        scheduler.runNext();
        scheduler.runNext();

        assertThat(starts).containsExactly(T0.plusSeconds(7), T0.plusSeconds(307), T0.plusSeconds(607));
        assertThat(loop.skippedSlots()).isZero();
    }

    @Test
    void aCycleOverrunningItsIntervalSkipsTheNextSlotInsteadOfStacking() {
        StepClock clock = new StepClock();
        StepScheduler scheduler = new StepScheduler(clock);
        List<Instant> starts = new ArrayList<>();
        Duration[] durations = {Duration.ofSeconds(400), Duration.ofSeconds(10), Duration.ofSeconds(10)};
        PollingLoop loop = new PollingLoop(
                () -> {
                    starts.add(clock.now);
                    clock.now = clock.now.plus(durations[starts.size() - 1]);
                    return null;
                },
                report -> {},
                INTERVAL,
                Duration.ZERO,
                clock,
                scheduler,
                bound -> 0);

        loop.start();
        scheduler.runNext(); // 0 s to 400 s: overruns the slot at 300 s
        scheduler.runNext();
        scheduler.runNext();

        assertThat(starts).containsExactly(T0, T0.plusSeconds(600), T0.plusSeconds(900));
        assertThat(scheduler.delays.get(1)).isEqualTo(Duration.ofSeconds(200));
        assertThat(loop.skippedSlots()).isEqualTo(1);
    }

    @Test
    void aFailingCycleDoesNotStopTheLoop() {
        StepClock clock = new StepClock();
        StepScheduler scheduler = new StepScheduler(clock);
        List<Instant> starts = new ArrayList<>();
        PollingLoop loop = new PollingLoop(
                () -> {
                    starts.add(clock.now);
                    throw new SourceUnavailableException("libvirtd is down", null);
                },
                report -> {},
                INTERVAL,
                Duration.ZERO,
                clock,
                scheduler,
                bound -> 0);

        loop.start();
        scheduler.runNext();
        scheduler.runNext();

        assertThat(starts).containsExactly(T0, T0.plusSeconds(300));
    }

    @Test
    void stopCancelsTheNextCycle() {
        StepClock clock = new StepClock();
        StepScheduler scheduler = new StepScheduler(clock);
        List<Instant> starts = new ArrayList<>();
        PollingLoop loop = new PollingLoop(
                () -> {
                    starts.add(clock.now);
                    return null;
                },
                report -> {},
                INTERVAL,
                Duration.ZERO,
                clock,
                scheduler,
                bound -> 0);

        loop.start();
        loop.stop();
        scheduler.runNext();

        assertThat(starts).isEmpty();
        assertThat(scheduler.tasks).isEmpty();
    }

    @Test
    void refusesJitterNotBelowTheInterval() {
        assertThatThrownBy(() ->
                        new PollingLoop(() -> null, r -> {}, INTERVAL, INTERVAL, new StepClock(), (t, d) -> {}, b -> 0))
                .hasMessageContaining("jitter");
    }
}
