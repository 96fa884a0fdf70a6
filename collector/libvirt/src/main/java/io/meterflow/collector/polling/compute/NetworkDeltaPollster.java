package io.meterflow.collector.polling.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.collector.polling.PollStamp;
import io.meterflow.wire.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code network.incoming.bytes.delta} and {@code network.outgoing.bytes.delta} (delta, B): the
 * byte counters' change since this pollster last saw the interface, 0 the first time, the raw
 * counter when it went down (a reset). The outgoing meter has its right name, as Ceilometer since
 * 20.0.0; Zed published it as {@code network.outgoing.packets.delta}.
 *
 * <p>Stateful: the previous counters are kept per interface resource id, so keep one instance for
 * the life of a polling loop. Interfaces missing from a whole cycle are forgotten, so deleted
 * instances do not accumulate.
 */
public final class NetworkDeltaPollster implements ComputePollster {

    private final Map<String, Seen> previous = new HashMap<>();
    private String currentCycle;

    @Override
    public List<String> meters() {
        return List.of("network.incoming.bytes.delta", "network.outgoing.bytes.delta");
    }

    @Override
    public Set<Inspection> inspections() {
        return Set.of(Inspection.INTERFACES);
    }

    @Override
    public synchronized List<Sample> poll(DomainStats stats, PollStamp stamp) {
        if (!stamp.cycleId().equals(currentCycle)) {
            String ended = currentCycle;
            if (ended != null) {
                previous.values().removeIf(seen -> !seen.cycleId().equals(ended));
            }
            currentCycle = stamp.cycleId();
        }
        ComputeSamples samples = new ComputeSamples(stats, stamp);
        List<Sample> out = new ArrayList<>();
        for (Nic nic : stats.instance().nics()) {
            InterfaceStats io = stats.interfaceStats().get(nic.device());
            if (io == null) {
                continue;
            }
            String id = nic.resourceId(stats.instance());
            Seen before = previous.put(id, new Seen(io.rxBytes(), io.txBytes(), currentCycle));
            long rx = before == null ? 0 : delta(io.rxBytes(), before.rxBytes());
            long tx = before == null ? 0 : delta(io.txBytes(), before.txBytes());
            ObjectNode md = NicMetadata.of(samples, nic);
            out.add(samples.sample("network.incoming.bytes.delta", "delta", "B", ComputeSamples.count(rx), id, md));
            out.add(samples.sample("network.outgoing.bytes.delta", "delta", "B", ComputeSamples.count(tx), id, md));
        }
        return out;
    }

    private static long delta(long now, long before) {
        long delta = now - before;
        return delta < 0 ? now : delta;
    }

    private record Seen(long rxBytes, long txBytes, String cycleId) {}
}
