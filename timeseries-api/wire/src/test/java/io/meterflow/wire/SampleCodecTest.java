package io.meterflow.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SampleCodec codec = new SampleCodec(JSON);

    @Test
    void recordsWithSharedMetadataReadAsTheirOwnSamples() throws Exception {
        ObjectNode instance = JSON.createObjectNode().put("host", "compute-04").put("flavor_id", "4");
        Sample memory = sample("s-1", "memory", instance.deepCopy());
        Sample vcpus = sample("s-2", "vcpus", instance.deepCopy());
        Sample other = sample("s-3", "disk.root.size", JSON.createObjectNode().put("host", "compute-05"));

        List<byte[]> values = codec.encode(List.of(memory, vcpus, other, memory));

        assertThat(values).hasSize(4);
        assertThat(JSON.readTree(values.get(0))).isEqualTo(expected(memory));
        assertThat(JSON.readTree(values.get(1))).isEqualTo(expected(vcpus));
        assertThat(JSON.readTree(values.get(2))).isEqualTo(expected(other));
        assertThat(JSON.readTree(values.get(3))).isEqualTo(expected(memory));
    }

    @Test
    void everyGoldenSampleReadsAndWritesBackByteForByte() {
        List<String> lines = WireFixtures.lines(WireFixtures.SAMPLES);
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            Sample sample = codec.decode(line.getBytes(StandardCharsets.UTF_8));
            assertThat(new String(codec.encode(List.of(sample)).get(0), StandardCharsets.UTF_8))
                    .isEqualTo(line);
        }
    }

    @Test
    void theCeilometerFormLeavesOutTheRecordsOwnFields() throws Exception {
        JsonNode printed = JSON.readTree(codec.ceilometerForm(sample("s-1", "memory", JSON.createObjectNode())));

        assertThat(printed.has("format_version")).isFalse();
        assertThat(printed.has("message_id")).isFalse();
        assertThat(printed.get("resource_id").asText()).isEqualTo("instance-1");
    }

    @Test
    void unknownFieldsAreSkippedSoALaterVersionMayAddSome() {
        Sample sample = codec.decode(bytes("{\"format_version\": 1, \"name\": \"cpu\", \"volume\": 1.5,"
                + " \"resource_id\": \"r\", \"timestamp\": \"2024-01-15T10:00:00+00:00\", \"added_later\": [1]}"));

        assertThat(sample.name()).isEqualTo("cpu");
        assertThat(sample.volume().doubleValue()).isEqualTo(1.5);
        assertThat(sample.resourceMetadata()).isEmpty();
    }

    @Test
    void refusesWhatIsNoVersionOneSampleWithTheReason() {
        String valid = "\"name\": \"cpu\", \"volume\": 1, \"resource_id\": \"r\", \"timestamp\": \"2024-01-15\"";
        assertRefused("{\"format_version\": 2, " + valid + "}", "unsupported format_version 2 (this build reads 1)");
        assertRefused("{" + valid + "}", "missing format_version");
        assertRefused(
                "{\"format_version\": 1, \"volume\": 1, \"resource_id\": \"r\", \"timestamp\": \"t\"}", "missing name");
        assertRefused(
                "{\"format_version\": 1, \"name\": \"cpu\", \"volume\": \"1\", \"resource_id\": \"r\","
                        + " \"timestamp\": \"t\"}",
                "sample volume is not a number: \"1\"");
        assertRefused("[1]", "sample is not a JSON object");
        assertRefused("{not json", "unreadable sample");
        assertRefused("", "empty sample");
    }

    private void assertRefused(String value, String reason) {
        assertThatThrownBy(() -> codec.decode(bytes(value)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith(reason);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Sample sample(String id, String name, ObjectNode metadata) {
        return new Sample(
                id,
                name,
                "gauge",
                "MB",
                IntNode.valueOf(8192),
                "user-1",
                "project-1",
                "instance-1",
                "2024-01-15T10:00:00.716362+00:00",
                metadata,
                "openstack",
                "message-1");
    }

    private static JsonNode expected(Sample sample) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format_version", SampleCodec.VERSION)
                .put("id", sample.id())
                .put("name", sample.name())
                .put("type", sample.type())
                .put("unit", sample.unit());
        node.set("volume", sample.volume());
        node.put("user_id", sample.userId())
                .put("project_id", sample.projectId())
                .put("resource_id", sample.resourceId())
                .put("timestamp", sample.timestamp());
        node.set("resource_metadata", sample.resourceMetadata());
        return node.put("source", sample.source()).put("message_id", sample.messageId());
    }
}
