package io.meterflow.collector.polling.compute;

import java.util.Map;
import java.util.Objects;

/**
 * Everything read from libvirt about one polled domain in one cycle; what a compute pollster maps.
 * Reads the cycle did not make, or that failed, are absent (null, or missing map entries), and
 * the pollsters that need them produce nothing for them, as Ceilometer's do.
 *
 * @param vcpuCount {@code virDomainGetInfo}'s current number of vcpus
 * @param cpuTimeNs Σ per-vcpu time from {@code virDomainGetVcpus}, else {@code virDomainGetInfo}'s cpu time
 * @param blockStats by disk device
 * @param blockInfo by disk device
 * @param interfaceStats by interface device
 */
public record DomainStats(
        NovaInstance instance,
        PowerState state,
        int vcpuCount,
        Long cpuTimeNs,
        MemoryStats memory,
        Map<String, BlockStats> blockStats,
        Map<String, BlockInfo> blockInfo,
        Map<String, InterfaceStats> interfaceStats) {

    public DomainStats {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(state, "state");
        blockStats = Map.copyOf(blockStats);
        blockInfo = Map.copyOf(blockInfo);
        interfaceStats = Map.copyOf(interfaceStats);
    }
}
