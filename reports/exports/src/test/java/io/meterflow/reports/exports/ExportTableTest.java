package io.meterflow.reports.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.gnocchiclient.aggregates.AggregatedMeasures;
import io.meterflow.gnocchiclient.aggregates.AggregatesGroup;
import io.meterflow.gnocchiclient.aggregates.AggregatesResult;
import io.meterflow.gnocchiclient.measure.Measure;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportTableTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofHours(1));

    private static final CapacityExport BY_HOST = new CapacityExport(
            List.of(MetricAggregate.of("cpu", "mean"), new MetricAggregate("vcpus", "mean", "sum", null)),
            null,
            List.of("host"),
            T0,
            T0.plus(Duration.ofHours(2)),
            Duration.ofHours(1),
            null);

    @Test
    void joinsTheColumnsOfEachGroupAndTimeSortedByGroupThenTime() {
        AggregatesResult cpu = grouped(
                group(Map.of("host", "c2"), point(T1, 7), point(T0, 3)), group(Map.of("host", "c1"), point(T0, 27.5)));
        AggregatesResult vcpus =
                grouped(group(Map.of("host", "c1"), point(T0, 5)), group(Map.of("host", "c2"), point(T0, 2)));

        ExportTable table = ExportTable.of(BY_HOST, List.of(cpu, vcpus));

        assertThat(table.rows())
                .containsExactly(
                        row("c1", T0, 27.5, 5),
                        row("c2", T0, 3, 2),
                        row("c2", T1, 7, Double.NaN)); // no vcpus point at 01:00: NaN, not 0
    }

    @Test
    void sortsAGroupWithoutTheAttributeLast() {
        AggregatesResult cpu = grouped(group(Map.of(), point(T0, 1)), group(Map.of("host", "c9"), point(T0, 2)));
        AggregatesResult vcpus = grouped();

        ExportTable table = ExportTable.of(BY_HOST, List.of(cpu, vcpus));

        assertThat(table.rows()).extracting(ExportRow::groupLabel).containsExactly("c9", "(none)");
    }

    @Test
    void hasNoRowsWhenNoResourceMatched() {
        assertThat(ExportTable.of(BY_HOST, List.of(grouped(), grouped())).rows())
                .isEmpty();
    }

    private static ExportRow row(String host, Instant timestamp, double... values) {
        return new ExportRow(
                List.of(host),
                timestamp,
                Duration.ofHours(1),
                Arrays.stream(values).boxed().toList());
    }

    private static AggregatesResult grouped(AggregatesGroup... groups) {
        return new AggregatesResult(true, List.of(groups));
    }

    private static AggregatesGroup group(Map<String, String> by, Measure... points) {
        return new AggregatesGroup(by, new AggregatedMeasures(Map.of("aggregated", List.of(points)), List.of()));
    }

    private static Measure point(Instant timestamp, double value) {
        return new Measure(timestamp, 3600, value);
    }
}
