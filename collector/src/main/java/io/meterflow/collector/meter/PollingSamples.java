package io.meterflow.collector.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.collector.notification.Notification;
import io.meterflow.wire.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code telemetry.polling} notifications: ceilometer-polling's samples riding the bus, copied
 * field by field as Ceilometer's notification agent copies them (timestamp unchanged, the
 * polling agent's message_id as the sample id). The signature is not checked, as in Ceilometer.
 */
public final class PollingSamples {

    public static final String EVENT_TYPE = "telemetry.polling";

    private PollingSamples() {}

    public static MeterDefinitions.Samples of(Notification notification) {
        List<Sample> samples = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        JsonNode polled = notification.payload().path("samples");
        int index = 0;
        for (JsonNode s : polled) {
            JsonNode volume = Volumes.number(s.get("counter_volume"));
            String name = MeterDefinition.text(s.get("counter_name"));
            if (volume == null || name == null) {
                dropped.add("telemetry.polling sample " + index + ": no name or volume");
            } else {
                String id = MeterDefinition.text(s.get("message_id"));
                JsonNode metadata = s.path("resource_metadata");
                samples.add(new Sample(
                        id != null ? id : MeterDefinitions.sampleId(notification.messageId(), index),
                        name,
                        MeterDefinition.text(s.get("counter_type")),
                        MeterDefinition.text(s.get("counter_unit")),
                        volume,
                        MeterDefinition.text(s.get("user_id")),
                        MeterDefinition.text(s.get("project_id")),
                        MeterDefinition.text(s.get("resource_id")),
                        MeterDefinition.text(s.get("timestamp")),
                        metadata.isObject() ? (ObjectNode) metadata : JsonNodeFactory.instance.objectNode(),
                        s.path("source").asText("openstack"),
                        notification.messageId()));
            }
            index++;
        }
        return new MeterDefinitions.Samples(true, samples, dropped);
    }
}
