package io.meterflow.timeseries.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.timeseries.resourcetype.AttributeDefinitions;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.time.Timestamps;
import io.meterflow.wire.Sample;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FittedAttributesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AttributeDefinitions definitions = new AttributeDefinitions(JSON, new Timestamps(Clock.systemUTC()));

    @Test
    void keepsWhatTheTypeHoldsAndLeavesOutUnknownNamesAndEmptyNonStrings() throws Exception {
        ResourceType disk = type();

        FittedAttributes fitted = FittedAttributes.fit(disk, object("""
                {"name": "vda", "instance_id": "", "memory_mb": 8192}"""), "r");

        assertThat(fitted.values()).isEqualTo(object("{\"name\": \"vda\"}"));
        assertThat(fitted.unknown()).containsExactly("memory_mb");
        assertThat(fitted.changes(object("{\"name\": \"vda\", \"instance_id\": null}")))
                .isFalse();
        assertThat(fitted.changes(object("{\"name\": \"vdb\"}"))).isTrue();
    }

    @Test
    void aValueTheTypeRefusesIsMalformed() {
        assertThatThrownBy(() -> FittedAttributes.fit(type(), object("{\"instance_id\": \"not-a-uuid\"}"), "r"))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining(
                        "attribute instance_id = \"not-a-uuid\" does not fit resource type instance_disk");
    }

    @Test
    void hashesDifferWhenAnyValueDiffers() throws Exception {
        long base = FittedAttributes.hash("instance", object("{\"host\": \"a\", \"flavor_id\": \"1\"}"));

        assertThat(FittedAttributes.hash("instance", object("{\"host\": \"a\", \"flavor_id\": \"1\"}")))
                .isEqualTo(base);
        assertThat(FittedAttributes.hash("instance", object("{\"host\": \"b\", \"flavor_id\": \"1\"}")))
                .isNotEqualTo(base);
        assertThat(FittedAttributes.hash("instance", object("{\"host\": \"a1\", \"flavor_id\": \"\"}")))
                .isNotEqualTo(FittedAttributes.hash("instance", object("{\"host\": \"a\", \"flavor_id\": \"1\"}")));
        assertThat(FittedAttributes.hash("volume", object("{\"host\": \"a\", \"flavor_id\": \"1\"}")))
                .isNotEqualTo(base);
    }

    @Test
    void ownActivityIsTheFilteredProjectAndItsSwiftAccount() throws Exception {
        OwnActivityFilter filter = new OwnActivityFilter(Optional.of("gnocchi-project"));
        MappedMeter swift = MeterMapping.builtIn().find("storage.objects").orElseThrow();
        MappedMeter memory = MeterMapping.builtIn().find("memory").orElseThrow();

        assertThat(filter.isOwnActivity(sample("r", "gnocchi-project"), memory)).isTrue();
        assertThat(filter.isOwnActivity(sample("gnocchi-project", "other"), swift))
                .isTrue();
        assertThat(filter.isOwnActivity(sample("gnocchi-project", "other"), memory))
                .isFalse();
        assertThat(new OwnActivityFilter(Optional.empty()).isOwnActivity(sample("r", "gnocchi-project"), memory))
                .isFalse();
    }

    private ResourceType type() {
        try {
            return new ResourceType(
                    "instance_disk",
                    "active",
                    List.of(
                            definitions.fromDefinition(
                                    "name", JSON.readTree("{\"type\": \"string\", \"required\": true}")),
                            definitions.fromDefinition(
                                    "instance_id", JSON.readTree("{\"type\": \"uuid\", \"required\": true}"))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Sample sample(String resourceId, String projectId) {
        return new Sample(
                "s-1",
                "m",
                "gauge",
                null,
                IntNode.valueOf(1),
                null,
                projectId,
                resourceId,
                "2024-01-15T10:00:00+00:00",
                JSON.createObjectNode(),
                "openstack",
                "message-1");
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
