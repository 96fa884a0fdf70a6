package io.meterflow.collector.polling;

import io.meterflow.wire.Sample;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over every resource of a source with the selected pollsters. A resource that vanishes
 * or fails mid-cycle is logged and skipped; the others are still polled. Only a source that
 * cannot list at all fails the cycle ({@link SourceUnavailableException}).
 */
public final class PollingCycle<R> {

    private static final Logger LOG = LoggerFactory.getLogger(PollingCycle.class);

    private final ResourceSource<R> source;
    private final List<Pollster<R>> pollsters;
    private final MeterSelection selection;
    private final Clock clock;
    private final String host;

    public PollingCycle(
            ResourceSource<R> source,
            List<? extends Pollster<R>> pollsters,
            MeterSelection selection,
            Clock clock,
            String host) {
        this.source = source;
        this.pollsters = selected(pollsters, selection);
        this.selection = selection;
        this.clock = clock;
        this.host = host;
    }

    /** The pollsters of which the selection keeps at least one meter, in their given order. */
    public static <P extends Pollster<?>> List<P> selected(List<? extends P> pollsters, MeterSelection selection) {
        List<P> kept = new ArrayList<>();
        for (P pollster : pollsters) {
            if (selection.includesAny(pollster.meters())) {
                kept.add(pollster);
            }
        }
        return List.copyOf(kept);
    }

    /** Polls every resource one after the other on the calling thread. */
    public CycleReport run() {
        return run(Runnable::run);
    }

    /**
     * Polls the resources as tasks on {@code executor} (several threads read several domains at
     * once; libvirt connections are thread-safe) and waits for all of them. Samples keep the
     * listing's order whatever the threads' order.
     */
    public CycleReport run(Executor executor) {
        PollStamp stamp = new PollStamp(clock.instant(), host, UUID.randomUUID().toString());
        List<CompletableFuture<Polled>> results = new ArrayList<>();
        for (ResourceSource.Handle<R> handle : source.discover()) {
            results.add(CompletableFuture.supplyAsync(() -> poll(handle, stamp), executor));
        }
        List<Sample> samples = new ArrayList<>();
        int[] outcomes = new int[Outcome.values().length];
        for (CompletableFuture<Polled> result : results) {
            Polled polled = result.join();
            samples.addAll(polled.samples());
            outcomes[polled.outcome().ordinal()]++;
        }
        return new CycleReport(
                stamp,
                samples,
                outcomes[Outcome.POLLED.ordinal()],
                outcomes[Outcome.SKIPPED.ordinal()],
                outcomes[Outcome.GONE.ordinal()],
                outcomes[Outcome.FAILED.ordinal()],
                Duration.between(stamp.polledAt(), clock.instant()));
    }

    private Polled poll(ResourceSource.Handle<R> handle, PollStamp stamp) {
        try {
            Optional<R> resource = handle.load();
            if (resource.isEmpty()) {
                return new Polled(List.of(), Outcome.SKIPPED);
            }
            List<Sample> samples = new ArrayList<>();
            for (Pollster<R> pollster : pollsters) {
                for (Sample sample : pollster.poll(resource.get(), stamp)) {
                    if (selection.includes(sample.name())) {
                        samples.add(sample);
                    }
                }
            }
            return new Polled(samples, Outcome.POLLED);
        } catch (ResourceGoneException e) {
            LOG.info("Resource {} disappeared during cycle {}, skipped", handle.id(), stamp.cycleId());
            return new Polled(List.of(), Outcome.GONE);
        } catch (RuntimeException e) {
            LOG.warn("Resource {} could not be polled in cycle {}: {}", handle.id(), stamp.cycleId(), e.toString());
            return new Polled(List.of(), Outcome.FAILED);
        } finally {
            handle.release();
        }
    }

    private enum Outcome {
        POLLED,
        SKIPPED,
        GONE,
        FAILED
    }

    private record Polled(List<Sample> samples, Outcome outcome) {}
}
