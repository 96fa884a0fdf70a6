package io.meterflow.collector.polling.compute;

import io.meterflow.collector.polling.PollStamp;
import io.meterflow.wire.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code disk.device.capacity} (max of capacity and physical), {@code .allocation} and
 * {@code .usage} (physical), gauges in B, per disk ({@code <instance>-<dev>}).
 */
public final class DiskSizePollster implements ComputePollster {

    @Override
    public List<String> meters() {
        return List.of("disk.device.capacity", "disk.device.allocation", "disk.device.usage");
    }

    @Override
    public Set<Inspection> inspections() {
        return Set.of(Inspection.BLOCK_INFO);
    }

    @Override
    public List<Sample> poll(DomainStats stats, PollStamp stamp) {
        ComputeSamples samples = new ComputeSamples(stats, stamp);
        List<Sample> out = new ArrayList<>();
        for (Disk disk : stats.instance().disks()) {
            BlockInfo info = stats.blockInfo().get(disk.device());
            if (info == null) {
                continue;
            }
            String resourceId = stats.instance().id() + "-" + disk.device();
            var metadata = samples.metadata();
            metadata.put("disk_name", disk.device());
            out.add(samples.sample(
                    "disk.device.capacity",
                    "gauge",
                    "B",
                    ComputeSamples.count(Math.max(info.capacity(), info.physical())),
                    resourceId,
                    metadata));
            out.add(samples.sample(
                    "disk.device.allocation",
                    "gauge",
                    "B",
                    ComputeSamples.count(info.allocation()),
                    resourceId,
                    metadata));
            out.add(samples.sample(
                    "disk.device.usage", "gauge", "B", ComputeSamples.count(info.physical()), resourceId, metadata));
        }
        return out;
    }
}
