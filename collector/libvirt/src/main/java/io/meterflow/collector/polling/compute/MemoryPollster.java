package io.meterflow.collector.polling.compute;

import io.meterflow.collector.polling.PollStamp;
import io.meterflow.wire.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code memory.usage}, {@code memory.resident} (gauge, MB) and {@code memory.swap.in/out}
 * (cumulative, MB) from the balloon statistics, with Ceilometer's formulas: usage is
 * available − usable, or available − unused where the guest reports no usable; a value whose
 * inputs are missing gives no sample.
 */
public final class MemoryPollster implements ComputePollster {

    @Override
    public List<String> meters() {
        return List.of("memory.usage", "memory.resident", "memory.swap.in", "memory.swap.out");
    }

    @Override
    public Set<Inspection> inspections() {
        return Set.of(Inspection.MEMORY);
    }

    @Override
    public List<Sample> poll(DomainStats stats, PollStamp stamp) {
        MemoryStats memory = stats.memory();
        if (memory == null) {
            return List.of();
        }
        ComputeSamples samples = new ComputeSamples(stats, stamp);
        List<Sample> out = new ArrayList<>(4);
        Long free = memory.usable() != null ? memory.usable() : memory.unused();
        if (memory.available() != null && free != null) {
            out.add(samples.instance(
                    "memory.usage", "gauge", "MB", ComputeSamples.mebibytes(memory.available() - free)));
        }
        if (memory.rss() != null) {
            out.add(samples.instance("memory.resident", "gauge", "MB", ComputeSamples.mebibytes(memory.rss())));
        }
        if (memory.swapIn() != null) {
            out.add(samples.instance("memory.swap.in", "cumulative", "MB", ComputeSamples.mebibytes(memory.swapIn())));
        }
        if (memory.swapOut() != null) {
            out.add(samples.instance(
                    "memory.swap.out", "cumulative", "MB", ComputeSamples.mebibytes(memory.swapOut())));
        }
        return out;
    }
}
