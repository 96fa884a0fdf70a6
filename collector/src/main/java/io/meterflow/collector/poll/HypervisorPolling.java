package io.meterflow.collector.poll;

import io.dropwizard.lifecycle.Managed;
import io.meterflow.collector.polling.CycleSink;
import io.meterflow.collector.polling.MeterSelection;
import io.meterflow.collector.polling.PollingCycle;
import io.meterflow.collector.polling.PollingLoop;
import io.meterflow.collector.polling.Scheduler;
import io.meterflow.collector.polling.libvirt.LibvirtDomainSource;
import io.meterflow.collector.polling.libvirt.Reconnecting;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.libvirt.Connect;

/**
 * The compute node's polling as part of the collector service: every interval (with jitter), one
 * cycle over the local libvirt's Nova instances, handed to a sink (Kafka). Started and stopped with
 * the service.
 */
public final class HypervisorPolling implements Managed {

    private final String uri;
    private final MeterSelection meters;
    private final String host;
    private final Duration interval;
    private final Duration jitter;
    private final int threads;
    private final CycleSink sink;
    private final Clock clock;
    private Reconnecting<Connect> connection;
    private ExecutorService readers;
    private ScheduledExecutorService timer;
    private PollingLoop loop;

    public HypervisorPolling(
            String uri,
            MeterSelection meters,
            String host,
            Duration interval,
            Duration jitter,
            int threads,
            CycleSink sink,
            Clock clock) {
        this.uri = uri;
        this.meters = meters;
        this.host = host;
        this.interval = interval;
        this.jitter = jitter;
        this.threads = threads;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        connection = LibvirtDomainSource.connect(uri);
        readers = Executors.newFixedThreadPool(threads, named("poll-reader"));
        timer = Executors.newSingleThreadScheduledExecutor(named("poll-timer"));
        PollingCycle<?> cycle = LibvirtDomainSource.cycle(connection, meters, clock, host);
        loop = new PollingLoop(
                () -> cycle.run(readers),
                sink,
                interval,
                jitter,
                clock,
                Scheduler.of(timer),
                bound -> ThreadLocalRandom.current().nextLong(bound));
        loop.start();
    }

    @Override
    public synchronized void stop() throws Exception {
        if (loop != null) {
            loop.stop();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (readers != null) {
            readers.shutdownNow();
        }
        if (connection != null) {
            connection.close();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
