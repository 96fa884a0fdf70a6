package io.meterflow.collector.polling.compute;

import io.meterflow.collector.polling.PollStamp;
import io.meterflow.wire.Sample;
import java.util.List;
import java.util.Set;

/**
 * {@code power.state} (gauge, state): libvirt's domain state number (1 running, 3 paused, ...),
 * as the pollster Ceilometer added in 2025.1. Shut-off domains are not polled, so 5 never shows.
 */
public final class PowerStatePollster implements ComputePollster {

    @Override
    public List<String> meters() {
        return List.of("power.state");
    }

    @Override
    public Set<Inspection> inspections() {
        return Set.of();
    }

    @Override
    public List<Sample> poll(DomainStats stats, PollStamp stamp) {
        return List.of(new ComputeSamples(stats, stamp)
                .instance(
                        "power.state",
                        "gauge",
                        "state",
                        ComputeSamples.count(stats.state().code())));
    }
}
