package io.meterflow.collector.polling.compute;

import io.meterflow.collector.polling.PollStamp;
import io.meterflow.wire.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code disk.device.read/write.bytes} (B) and {@code .requests} (request), cumulative, per disk
 * ({@code <instance>-<dev>}). Ceilometer Zed also requires {@code virDomainBlockStatsFlags} and
 * drops the disk when that fails; these counters need only {@code virDomainBlockStats}.
 */
public final class DiskIoPollster implements ComputePollster {

    @Override
    public List<String> meters() {
        return List.of(
                "disk.device.read.bytes",
                "disk.device.read.requests",
                "disk.device.write.bytes",
                "disk.device.write.requests");
    }

    @Override
    public Set<Inspection> inspections() {
        return Set.of(Inspection.BLOCK_STATS);
    }

    @Override
    public List<Sample> poll(DomainStats stats, PollStamp stamp) {
        ComputeSamples samples = new ComputeSamples(stats, stamp);
        List<Sample> out = new ArrayList<>();
        for (Disk disk : stats.instance().disks()) {
            BlockStats io = stats.blockStats().get(disk.device());
            if (io == null) {
                continue;
            }
            String resourceId = stats.instance().id() + "-" + disk.device();
            var metadata = samples.metadata();
            metadata.put("disk_name", disk.device());
            out.add(samples.sample(
                    "disk.device.read.bytes",
                    "cumulative",
                    "B",
                    ComputeSamples.count(io.readBytes()),
                    resourceId,
                    metadata));
            out.add(samples.sample(
                    "disk.device.read.requests",
                    "cumulative",
                    "request",
                    ComputeSamples.count(io.readRequests()),
                    resourceId,
                    metadata));
            out.add(samples.sample(
                    "disk.device.write.bytes",
                    "cumulative",
                    "B",
                    ComputeSamples.count(io.writeBytes()),
                    resourceId,
                    metadata));
            out.add(samples.sample(
                    "disk.device.write.requests",
                    "cumulative",
                    "request",
                    ComputeSamples.count(io.writeRequests()),
                    resourceId,
                    metadata));
        }
        return out;
    }
}
