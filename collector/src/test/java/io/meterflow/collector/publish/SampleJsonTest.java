package io.meterflow.collector.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.jackson.Jackson;
import io.meterflow.collector.meter.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleJsonTest {

    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    @Test
    void recordsWithSharedMetadataReadAsTheirOwnSamples() throws Exception {
        ObjectNode instance = JSON.createObjectNode().put("host", "compute-04").put("flavor_id", "4");
        Sample memory = sample("s-1", "memory", instance.deepCopy());
        Sample vcpus = sample("s-2", "vcpus", instance.deepCopy());
        Sample other = sample("s-3", "disk.root.size", JSON.createObjectNode().put("host", "compute-05"));

        List<byte[]> values = new SampleJson(JSON).kafkaValues(List.of(memory, vcpus, other, memory));

        assertThat(values).hasSize(4);
        assertThat(JSON.readTree(values.get(0))).isEqualTo(expected(memory));
        assertThat(JSON.readTree(values.get(1))).isEqualTo(expected(vcpus));
        assertThat(JSON.readTree(values.get(2))).isEqualTo(expected(other));
        assertThat(JSON.readTree(values.get(3))).isEqualTo(expected(memory));
    }

    private static Sample sample(String id, String name, ObjectNode metadata) {
        return new Sample(id, name, "gauge", "MB", IntNode.valueOf(8192), "user-1", "project-1", "instance-1",
                "2024-01-15T10:00:00.716362+00:00", metadata, "openstack", "message-1");
    }

    private static JsonNode expected(Sample sample) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format_version", SampleJson.FORMAT_VERSION).put("id", sample.id()).put("name", sample.name())
                .put("type", sample.type()).put("unit", sample.unit());
        node.set("volume", sample.volume());
        node.put("user_id", sample.userId()).put("project_id", sample.projectId())
                .put("resource_id", sample.resourceId()).put("timestamp", sample.timestamp());
        node.set("resource_metadata", sample.resourceMetadata());
        return node.put("source", sample.source()).put("message_id", sample.messageId());
    }
}
