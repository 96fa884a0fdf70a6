package io.meterflow.collector.polling;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task once after a delay: a thread in production, a list a test steps through. */
@FunctionalInterface
public interface Scheduler {

    void schedule(Runnable task, Duration delay);

    static Scheduler of(ScheduledExecutorService executor) {
        return (task, delay) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
