package io.meterflow.collector.polling.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.collector.polling.PollStamp;
import io.meterflow.wire.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code network.incoming/outgoing.bytes} (B), {@code .packets}, {@code .packets.drop} and
 * {@code .packets.error} (packet), cumulative, per interface, with Ceilometer's resource id
 * ({@link Nic#resourceId}).
 */
public final class NetworkPollster implements ComputePollster {

    @Override
    public List<String> meters() {
        return List.of(
                "network.incoming.bytes",
                "network.incoming.packets",
                "network.incoming.packets.drop",
                "network.incoming.packets.error",
                "network.outgoing.bytes",
                "network.outgoing.packets",
                "network.outgoing.packets.drop",
                "network.outgoing.packets.error");
    }

    @Override
    public Set<Inspection> inspections() {
        return Set.of(Inspection.INTERFACES);
    }

    @Override
    public List<Sample> poll(DomainStats stats, PollStamp stamp) {
        ComputeSamples samples = new ComputeSamples(stats, stamp);
        List<Sample> out = new ArrayList<>();
        for (Nic nic : stats.instance().nics()) {
            InterfaceStats io = stats.interfaceStats().get(nic.device());
            if (io == null) {
                continue;
            }
            String id = nic.resourceId(stats.instance());
            ObjectNode md = NicMetadata.of(samples, nic);
            out.add(samples.sample("network.incoming.bytes", "cumulative", "B", count(io.rxBytes()), id, md));
            out.add(samples.sample("network.incoming.packets", "cumulative", "packet", count(io.rxPackets()), id, md));
            out.add(samples.sample(
                    "network.incoming.packets.drop", "cumulative", "packet", count(io.rxDrop()), id, md));
            out.add(samples.sample(
                    "network.incoming.packets.error", "cumulative", "packet", count(io.rxErrors()), id, md));
            out.add(samples.sample("network.outgoing.bytes", "cumulative", "B", count(io.txBytes()), id, md));
            out.add(samples.sample("network.outgoing.packets", "cumulative", "packet", count(io.txPackets()), id, md));
            out.add(samples.sample(
                    "network.outgoing.packets.drop", "cumulative", "packet", count(io.txDrop()), id, md));
            out.add(samples.sample(
                    "network.outgoing.packets.error", "cumulative", "packet", count(io.txErrors()), id, md));
        }
        return out;
    }

    private static com.fasterxml.jackson.databind.JsonNode count(long value) {
        return ComputeSamples.count(value);
    }
}
