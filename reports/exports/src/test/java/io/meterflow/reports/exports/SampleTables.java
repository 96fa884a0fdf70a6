package io.meterflow.reports.exports;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small export tables whose renderings the writer tests spell out in full. */
final class SampleTables {

    static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant STOP = Instant.parse("2026-12-01T02:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);

    private SampleTables() {}

    /** cpu mean and memory.usage max by host and flavor: two groups, one without flavor, one missing value. */
    static ExportTable byHostAndFlavor() {
        CapacityExport export = new CapacityExport(
                List.of(MetricAggregate.of("cpu", "mean").withUnit("ns"), MetricAggregate.of("memory.usage", "max")),
                null,
                List.of("host", "flavor_name"),
                START,
                STOP,
                HOUR,
                Map.of("project_id", "p1"));
        return new ExportTable(
                export,
                List.of(
                        row(Arrays.asList("compute-1", "m1.small"), START, 1.5, 512),
                        row(Arrays.asList("compute-1", "m1.small"), START.plus(HOUR), 2.25, Double.NaN),
                        row(Arrays.asList("compute-2, rack \"b\"", null), START, 10, 1e10)));
    }

    static ExportRow row(List<String> group, Instant timestamp, double... values) {
        return new ExportRow(
                group, timestamp, HOUR, Arrays.stream(values).boxed().toList());
    }
}
