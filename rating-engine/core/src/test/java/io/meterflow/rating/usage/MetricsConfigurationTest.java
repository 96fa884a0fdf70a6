package io.meterflow.rating.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CloudKitty's metrics.yml, read as its Gnocchi collector reads it. */
class MetricsConfigurationTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void readsAnOperatorsFileWithDefaultsAndTheScopeAndResourceKeysInEveryGroupby() throws IOException {
        MetricsConfiguration config = MetricsConfiguration.read(resource("metrics.yml"), "project_id");

        assertThat(config.ratingTypes())
                .containsExactly(
                        "instance",
                        "image.size",
                        "volume.size",
                        "volume.count",
                        "network.outgoing.bytes",
                        "ip.floating");
        MetricDefinition cpu = config.of("cpu").get(0);
        assertThat(cpu.ratingType()).isEqualTo("instance");
        assertThat(cpu.groupby()).containsExactly("id", "user_id", "project_id");
        assertThat(cpu.query().operation("cpu")).isEqualTo("(aggregate max (metric cpu mean))");
        assertThat(cpu.query().forceGranularity()).isEqualTo(300);
        assertThat(cpu.quantity(123456.0)).isEqualByComparingTo("1");
        assertThat(cpu.quantity(0.0)).isEqualByComparingTo("0");

        MetricDefinition image = config.of("image.size").get(0);
        assertThat(image.query().reAggregationMethod()).isEqualTo("max");
        assertThat(image.query().resourceKey()).isEqualTo("id");
        assertThat(image.query().forceGranularity()).isEqualTo(3600);
        assertThat(image.quantity(1048576.0 * 3)).isEqualByComparingTo("3");

        List<MetricDefinition> volumes = config.of("volume.size");
        assertThat(volumes).extracting(MetricDefinition::ratingType).containsExactly("volume.size", "volume.count");
        assertThat(volumes.get(1).groupby()).containsExactly("project_id", "id");
        assertThat(volumes.get(1).description()).contains("Volumes that exist, whatever their size");

        // CloudKitty turns 3600/1000000 into a float first (0.00359999999999999986...); Meterflow keeps it exact.
        MetricDefinition bandwidth = config.of("network.outgoing.bytes.rate").get(0);
        assertThat(bandwidth.quantity(1000.0)).isEqualByComparingTo("3.6");

        MetricDefinition ip = config.of("ip.floating").get(0);
        assertThat(ip.quantity(2.0)).isEqualByComparingTo("1");
        assertThat(ip.quantity(1.0)).isEqualByComparingTo("1");
        assertThat(ip.quantity(7.0)).isEqualByComparingTo("0");
    }

    @Test
    void refusesWhatCloudKittyRefusesNamingEveryKeyAtOnce() {
        Map<String, Object> tree = Map.of(
                "metrics",
                Map.of(
                        "cpu",
                        Map.of(
                                "alt_name",
                                "instance",
                                "groupby",
                                List.of("id", "flavor_name"),
                                "metadata",
                                List.of("flavor_name"),
                                "mutate",
                                "ROUND",
                                "colour",
                                "blue",
                                "extra_args",
                                Map.of("aggregation_method", "average", "force_granularity", -5)),
                        "ip.floating",
                        Map.of(
                                "unit",
                                "ip",
                                "mutate_map",
                                Map.of(1, 1),
                                "extra_args",
                                Map.of("resource_type", "network"))));

        assertThatThrownBy(() -> MetricsConfiguration.read(tree, "project_id"))
                .isInstanceOf(InvalidMetricsConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidMetricsConfigurationException) e).problems())
                        .anyMatch(p -> p.startsWith("metrics.cpu.unit: required"))
                        .anyMatch(p -> p.startsWith("metrics.cpu.colour: unknown key"))
                        .anyMatch(p -> p.contains("flavor_name is in both groupby and metadata"))
                        .anyMatch(p -> p.startsWith("metrics.cpu.mutate: must be one of"))
                        .anyMatch(p -> p.startsWith("metrics.cpu.extra_args.resource_type: required"))
                        .anyMatch(p -> p.startsWith("metrics.cpu.extra_args.aggregation_method:"))
                        .anyMatch(p -> p.startsWith("metrics.cpu.extra_args.force_granularity:"))
                        .anyMatch(p -> p.startsWith("metrics.ip.floating.mutate_map: only allowed with mutate: MAP")));
    }

    @Test
    void refusesAFileWithoutMetricsAndAListNamingOneRatingTypeTwice() {
        assertThatThrownBy(() -> MetricsConfiguration.read(Map.of("metrics", Map.of()), "project_id"))
                .hasMessageContaining("metrics: not a mapping with at least one metric");
        Map<String, Object> twice = Map.of(
                "metrics",
                Map.of(
                        "volume.size",
                        List.of(
                                Map.of("unit", "GiB", "extra_args", Map.of("resource_type", "volume")),
                                Map.of("unit", "GiB", "extra_args", Map.of("resource_type", "volume")))));
        assertThatThrownBy(() -> MetricsConfiguration.read(twice, "project_id"))
                .hasMessageContaining("rating type volume.size is given twice");
    }

    @Test
    void aFractionFactorIsExactAndAnOffsetApplies() {
        MetricDefinition.Factor third = new MetricDefinition.Factor(BigDecimal.ONE, new BigDecimal(3));
        assertThat(third.apply(new BigDecimal("3"))).isEqualByComparingTo("1");
    }

    private static Object resource(String name) throws IOException {
        try (InputStream in = MetricsConfigurationTest.class.getResourceAsStream(name)) {
            return YAML.readValue(in, Object.class);
        }
    }
}
