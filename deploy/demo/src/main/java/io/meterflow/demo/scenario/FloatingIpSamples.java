package io.meterflow.demo.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.demo.scenario.ResourcePlan.FloatingIp;
import io.meterflow.demo.scenario.Schedule.Life;
import java.time.Instant;

/**
 * Floating IPs as Ceilometer meters them: {@code ip.floating} samples of its central Neutron
 * pollster. Neutron's own {@code floatingip.*} notifications are not sent: Ceilometer Zed makes no
 * sample of them (shared/ceilometer/METERS.md), so the collector would only dead-letter them.
 */
final class FloatingIpSamples {

    private static final String EXTERNAL_NETWORK = "ccdf22a2-6cee-486f-b7d8-1daa5bc20f26";

    private final MessageFactory messages;

    FloatingIpSamples(MessageFactory messages) {
        this.messages = messages;
    }

    OsloMessage polled(FloatingIp plan, Life life, Instant time) {
        String id = plan.resourceId(life.index());
        ObjectNode metadata = messages.object();
        metadata.put("floating_ip_address", "203.0.113." + plan.hostPart());
        metadata.put("floating_network_id", EXTERNAL_NETWORK);
        metadata.putNull("router_id");
        metadata.putNull("port_id");
        metadata.putNull("fixed_ip_address");
        metadata.put("status", "ACTIVE");
        metadata.put("description", plan.displayName(life.index()));
        return messages.polledSample(time, id, "ip.floating", "gauge", "ip", 1, plan.project(), metadata);
    }
}
