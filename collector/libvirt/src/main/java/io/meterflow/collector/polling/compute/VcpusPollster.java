package io.meterflow.collector.polling.compute;

import io.meterflow.collector.polling.PollStamp;
import io.meterflow.wire.Sample;
import java.util.List;
import java.util.Set;

/** {@code vcpus} (gauge, vcpu): the domain's current vcpus, as Nova's notifications meter them. */
public final class VcpusPollster implements ComputePollster {

    @Override
    public List<String> meters() {
        return List.of("vcpus");
    }

    @Override
    public Set<Inspection> inspections() {
        return Set.of();
    }

    @Override
    public List<Sample> poll(DomainStats stats, PollStamp stamp) {
        return List.of(new ComputeSamples(stats, stamp)
                .instance("vcpus", "gauge", "vcpu", ComputeSamples.count(stats.vcpuCount())));
    }
}
