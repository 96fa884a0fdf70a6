package io.meterflow.collector.polling.compute;

import io.meterflow.collector.polling.Pollster;
import java.util.List;
import java.util.Set;

/**
 * A pollster of one meter family over a libvirt domain's stats, as Ceilometer's libvirt pollsters.
 * Central pollsters (Glance, Cinder, Swift) will be another {@link Pollster} family over their own
 * resource type, side by side with this one.
 */
public sealed interface ComputePollster extends Pollster<DomainStats>
        permits CpuPollster,
                VcpusPollster,
                MemoryPollster,
                DiskIoPollster,
                DiskSizePollster,
                NetworkPollster,
                NetworkDeltaPollster,
                PowerStatePollster {

    /** The libvirt reads this pollster's samples come from. */
    Set<Inspection> inspections();

    /** A fresh set of every compute pollster; the delta pollster keeps per-interface state across cycles. */
    static List<ComputePollster> all() {
        return List.of(
                new CpuPollster(),
                new VcpusPollster(),
                new MemoryPollster(),
                new DiskIoPollster(),
                new DiskSizePollster(),
                new NetworkPollster(),
                new NetworkDeltaPollster(),
                new PowerStatePollster());
    }
}
