package io.meterflow.collector.polling.compute;

import io.meterflow.collector.polling.PollStamp;
import io.meterflow.wire.Sample;
import java.util.List;
import java.util.Set;

/**
 * {@code cpu} (cumulative, ns) with {@code cpu_number}. Ceilometer sums the bulk stats' per-vcpu
 * times; here the per-vcpu times come from {@code virDomainGetVcpus}, which every driver has
 * (on the test driver, bulk stats have no vcpu group and Ceilometer reports 0).
 */
public final class CpuPollster implements ComputePollster {

    @Override
    public List<String> meters() {
        return List.of("cpu");
    }

    @Override
    public Set<Inspection> inspections() {
        return Set.of(Inspection.VCPUS);
    }

    @Override
    public List<Sample> poll(DomainStats stats, PollStamp stamp) {
        if (stats.cpuTimeNs() == null) {
            return List.of();
        }
        ComputeSamples samples = new ComputeSamples(stats, stamp);
        var metadata = samples.metadata();
        metadata.put("cpu_number", stats.vcpuCount());
        return List.of(samples.sample(
                "cpu",
                "cumulative",
                "ns",
                ComputeSamples.count(stats.cpuTimeNs()),
                stats.instance().id(),
                metadata));
    }
}
