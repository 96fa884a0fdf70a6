package io.meterflow.gnocchiclient.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterflow.gnocchiclient.internal.GnocchiJson;
import io.meterflow.gnocchiclient.measure.Measure;
import io.meterflow.gnocchiclient.resource.ResourceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Answers of /v1/aggregates as in Gnocchi's aggregates-with-resources.yaml and the REST docs. */
class AggregatesJsonTest {

    private static final String METRIC = "0ae2c4fa-0d43-4b2b-8a05-a0d58b2c4b8e";

    @Test
    void readsAnUngroupedAggregateWithReferences() throws Exception {
        AggregatesResult result = AggregatesJson.read(GnocchiJson.newMapper().readTree("""
                {"references": [{"id": "1ed9c196-4c9f-4ba8-a5be-c9a71a82aac4", "type": "generic"}],
                 "measures": {"aggregated": [["2015-03-06T14:30:00+00:00", 300.0, 60.251666666666665],
                                             ["2015-03-06T14:33:57+00:00", 1.0, 98.7]]}}"""), false);

        AggregatedMeasures measures = result.measures();
        assertThat(measures.series()).containsOnlyKeys("aggregated");
        assertThat(measures.points("aggregated"))
                .containsExactly(
                        new Measure(Instant.parse("2015-03-06T14:30:00Z"), 300.0, 60.251666666666665),
                        new Measure(Instant.parse("2015-03-06T14:33:57Z"), 1.0, 98.7));
        assertThat(measures.referencedIds()).containsExactly("1ed9c196-4c9f-4ba8-a5be-c9a71a82aac4");
        assertThat(result.groups().get(0).by()).isEmpty();
    }

    @Test
    void namesNestedSeriesByTheirPath() throws Exception {
        AggregatesResult result = AggregatesJson.read(GnocchiJson.newMapper().readTree("""
                {"measures": {"%s": {"mean": [["2017-01-01T12:00:00+00:00", 60.0, 1.5]], "max": []}}}""".formatted(METRIC)), false);

        assertThat(result.measures().series()).containsOnlyKeys(METRIC + "/mean", METRIC + "/max");
        assertThat(result.measures().points(METRIC, "mean")).hasSize(1);
        assertThat(result.measures().points(METRIC, "max")).isEmpty();
        assertThat(result.measures().references()).isEmpty();
        assertThatThrownBy(() -> result.measures().points("aggregated"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining(METRIC + "/mean");
    }

    @Test
    void readsGroupsWithTheirAttributeValues() throws Exception {
        AggregatesResult result = AggregatesJson.read(GnocchiJson.newMapper().readTree("""
                [{"group": {"project_id": "p1", "user_id": "u"},
                  "measures": {"measures": {"aggregated": [["2015-03-06T14:30:00+00:00", 300.0, 21.525]]}}},
                 {"group": {"project_id": null, "user_id": "u"},
                  "measures": {"references": [], "measures": {"aggregated": []}}}]"""), true);

        assertThat(result.grouped()).isTrue();
        assertThat(result.groups()).hasSize(2);
        assertThat(result.groups().get(0).by()).isEqualTo(Map.of("project_id", "p1", "user_id", "u"));
        assertThat(result.groups().get(0).measures().points("aggregated").get(0).value())
                .isEqualTo(21.525);
        assertThat(result.groups().get(1).by()).isEqualTo(Map.of("user_id", "u"));
        assertThatThrownBy(result::measures).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void requestGoesToBodyAndQueryString() {
        AggregatesRequest request = AggregatesRequest.of("(aggregate sum (metric cpu mean))")
                .overResources("instance", ResourceQuery.projectId("p1"))
                .groupedBy("project_id", "user_id")
                .from(Instant.parse("2026-01-01T00:00:00Z"))
                .granularity(Duration.ofHours(1))
                .neededOverlap(0)
                .fill(Fill.value(0))
                .withDetails();

        assertThat(request.toBody().toString())
                .isEqualTo("{\"operations\":\"(aggregate sum (metric cpu mean))\","
                        + "\"resource_type\":\"instance\",\"search\":{\"=\":{\"project_id\":\"p1\"}}}");
        assertThat(request.toQueryString())
                .hasToString("?start=2026-01-01T00%3A00%3A00Z&granularity=3600"
                        + "&needed_overlap=0.0&fill=0.0&groupby=project_id&groupby=user_id&details=true");
        assertThatThrownBy(() -> AggregatesRequest.of("(metric x mean)").groupedBy("project_id"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
