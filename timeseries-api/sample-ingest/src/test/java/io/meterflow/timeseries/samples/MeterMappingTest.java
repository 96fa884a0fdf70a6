package io.meterflow.timeseries.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MeterMappingTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CEILOMETER =
            Path.of("/usr/lib/python3/dist-packages/ceilometer/publisher/data/gnocchi_resources.yaml");

    private final MeterMapping mapping = MeterMapping.builtIn();

    @Test
    void mapsMetersToTheirResourceTypeAndPolicy() {
        assertThat(mapping.find("memory").orElseThrow().resource().resourceType())
                .isEqualTo("instance");
        assertThat(mapping.find("memory").orElseThrow().archivePolicyName()).isNull();
        assertThat(mapping.find("cpu").orElseThrow().archivePolicyName()).isEqualTo("ceilometer-low-rate");
        assertThat(mapping.find("network.incoming.bytes")
                        .orElseThrow()
                        .resource()
                        .resourceType())
                .isEqualTo("instance_network_interface");
        assertThat(mapping.find("volume.size").orElseThrow().resource().resourceType())
                .isEqualTo("volume");
    }

    @Test
    void patternsMapEveryMatchingMeterAndUnknownMetersMapNowhere() {
        assertThat(mapping.find("compute.node.cpu.idle.percent")
                        .orElseThrow()
                        .resource()
                        .resourceType())
                .isEqualTo("nova_compute");
        assertThat(mapping.find("compute.node.cpu.percent")
                        .orElseThrow()
                        .resource()
                        .resourceType())
                .isEqualTo("nova_compute");
        assertThat(mapping.find("compute.node.memory")).isEmpty();
        assertThat(mapping.find("no.such.meter")).isEmpty();
    }

    @Test
    void exactNamesWinOverPatterns() throws Exception {
        MeterMapping both = MeterMapping.parse(YAML.readTree("""
                resource_types:
                  generic:
                    meters: {"disk.*": }
                  instance_disk:
                    meters: {disk.device.read.bytes: ceilometer-low-rate}
                """), "test");

        assertThat(both.find("disk.device.read.bytes").orElseThrow().resource().resourceType())
                .isEqualTo("instance_disk");
        assertThat(both.find("disk.root.size").orElseThrow().resource().resourceType())
                .isEqualTo("generic");
    }

    @Test
    void attributesComeFromTheFirstMetadataPathThatHoldsAValue() throws Exception {
        ResourceMapping instance = mapping.find("memory").orElseThrow().resource();

        JsonNode attributes = instance.attributes(JSON.readTree("""
                {"host": "compute-1", "instance_host": null, "flavor": {"id": "4", "name": "m1.large"},
                 "display_name": "vm", "user_metadata": {"server_group": "sg"}, "unrelated": 1}"""));

        assertThat(attributes).isEqualTo(JSON.readTree("""
                {"host": "compute-1", "flavor_id": "4", "flavor_name": "m1.large", "display_name": "vm",
                 "server_group": "sg"}"""));
        assertThat(instance.attributes(JSON.readTree("{\"instance_host\": \"a\", \"host\": \"b\"}"))
                        .get("host")
                        .asText())
                .isEqualTo("a");
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() throws Exception {
        JsonNode broken = YAML.readTree("""
                resource_types:
                  instance:
                    meters: {memory: }
                    attributes: {host: []}
                    archive_policy: low
                  volume:
                    meters: {memory: , volume.size: [1]}
                  image: {}
                """);

        assertThatThrownBy(() -> MeterMapping.parse(broken, "broken.yaml"))
                .hasMessageContaining("instance: attribute host needs a metadata path")
                .hasMessageContaining("instance: unknown key archive_policy")
                .hasMessageContaining("volume: meter memory is already mapped to instance")
                .hasMessageContaining("volume: meter volume.size: the archive policy must be a name or empty")
                .hasMessageContaining("image: meters must be a non-empty map");
    }

    /** The built-in mapping against Debian's python3-ceilometer, when it is installed. */
    @Test
    void agreesWithCeilometersGnocchiResourcesFile() throws Exception {
        assumeTrue(Files.isReadable(CEILOMETER), "python3-ceilometer is not installed: " + CEILOMETER);
        JsonNode ceilometer = YAML.readTree(CEILOMETER.toFile());
        List<String> differences = new ArrayList<>();
        for (JsonNode resource : ceilometer.get("resources")) {
            String type = resource.get("resource_type").asText();
            List<Map.Entry<String, JsonNode>> meters = new ArrayList<>();
            JsonNode metrics = resource.get("metrics");
            if (metrics.isArray()) {
                metrics.forEach(name -> meters.add(Map.entry(name.asText(), JSON.nullNode())));
            } else {
                metrics.fields().forEachRemaining(meters::add);
            }
            for (Map.Entry<String, JsonNode> meter : meters) {
                MappedMeter mapped = mapping.find(meter.getKey()).orElse(null);
                String policy = meter.getValue() == null || meter.getValue().isNull()
                        ? null
                        : meter.getValue().path("archive_policy_name").asText(null);
                if (mapped == null
                        || !mapped.resource().resourceType().equals(type)
                        || !java.util.Objects.equals(policy, mapped.archivePolicyName())) {
                    differences.add(meter.getKey() + " -> " + type + "/" + policy);
                }
            }
            TreeSet<String> attributes = new TreeSet<>();
            resource.path("attributes").fieldNames().forEachRemaining(attributes::add);
            ResourceMapping ours = mapping.find(meters.get(0).getKey())
                    .map(MappedMeter::resource)
                    .orElse(null);
            if (ours != null
                    && !attributes.equals(new TreeSet<>(ours.attributePaths().keySet()))) {
                differences.add(type + " attributes " + attributes + " vs "
                        + ours.attributePaths().keySet());
            }
        }
        assertThat(differences).isEmpty();
    }
}
