package io.meterflow.reports.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.gnocchiclient.aggregates.AggregatesRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape of the one query per column; CapacityExportIT runs them on the real API. */
class CapacityExporterTest {

    private static final MetricAggregate VCPUS = new MetricAggregate("vcpus", "mean", "sum", null);

    @Test
    void asksOneGroupedAggregateOverTheFilteredResources() {
        CapacityExport export = export(List.of("host", "flavor_name"), Map.of("project_id", "p1", "host", "c1"));

        AggregatesRequest request = CapacityExporter.request(export, VCPUS);

        assertThat(request.operations()).isEqualTo("(aggregate sum (metric vcpus mean))");
        assertThat(request.resourceType()).isEqualTo("instance");
        assertThat(request.groupBy()).containsExactly("host", "flavor_name");
        assertThat(request.search().toJson().toString())
                .isEqualTo("{\"and\":[{\"=\":{\"host\":\"c1\"}},{\"=\":{\"project_id\":\"p1\"}}]}");
        assertThat(request.start()).isEqualTo(export.start());
        assertThat(request.stop()).isEqualTo(export.stop());
        assertThat(request.granularity()).isEqualTo(Duration.ofHours(1));
        assertThat(request.neededOverlap()).isZero();
    }

    @Test
    void searchesEveryResourceOfTheTypeWithoutFilterOrGroups() {
        AggregatesRequest request = CapacityExporter.request(export(List.of(), Map.of()), VCPUS);

        assertThat(request.search().toJson().toString()).isEqualTo("{}");
        assertThat(request.groupBy()).isEmpty();
    }

    private static CapacityExport export(List<String> groupBy, Map<String, String> filter) {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        return new CapacityExport(
                List.of(VCPUS), null, groupBy, start, start.plus(Duration.ofDays(1)), Duration.ofHours(1), filter);
    }
}
