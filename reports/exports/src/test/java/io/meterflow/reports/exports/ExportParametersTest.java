package io.meterflow.reports.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportParametersTest {

    private static final Map<String, List<String>> TIME = Map.of(
            "start", List.of("2026-12-01T00:00:00Z"),
            "stop", List.of("2026-12-01T02:00:00+01:00"),
            "granularity", List.of("300"));

    @Test
    void readsRepeatedAndCommaSeparatedListsWithOneAggregationPerMetric() {
        CapacityExport export = ExportParameters.parse(with(Map.of(
                "metric", List.of("cpu,memory.usage", "vcpus"),
                "aggregation", List.of("mean,max,mean"),
                "reaggregation", List.of("mean", "max", "sum"),
                "groupby", List.of("host", "flavor_name"),
                "filter", List.of("project_id=p1", "server_group=g=1"),
                "resource_type", List.of("instance"))));

        assertThat(export.columns()).containsExactly("cpu_mean", "memory.usage_max", "vcpus_mean_sum");
        assertThat(export.groupBy()).containsExactly("host", "flavor_name");
        assertThat(export.filter()).containsExactly(Map.entry("project_id", "p1"), Map.entry("server_group", "g=1"));
        assertThat(export.start()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(export.stop()).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
        assertThat(export.granularity()).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest
    @CsvSource({"3600, PT1H", "60s, PT1M", "5m, PT5M", "1h, PT1H", "1d, PT24H"})
    void readsGranularityInSecondsOrWithAUnit(String text, Duration granularity) {
        Map<String, List<String>> parameters = new HashMap<>(with(Map.of("metric", List.of("cpu"))));
        parameters.put("granularity", List.of(text));
        parameters.put("stop", List.of("2026-12-11T00:00:00Z"));

        assertThat(ExportParameters.parse(parameters).granularity()).isEqualTo(granularity);
    }

    @Test
    void defaultsToTheMeanReadAndCombinedAlike() {
        CapacityExport export = ExportParameters.parse(with(Map.of("metric", List.of("cpu"))));

        assertThat(export.metrics()).containsExactly(MetricAggregate.of("cpu", "mean"));
        assertThat(export.resourceType()).isEqualTo("instance");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "aggregation| mean,max| aggregation: give one aggregation for all metrics or one per metric: 3 metrics,"
                        + " 2 values [mean, max]",
                "filter| project_id| filter: 'project_id' is not attribute=value",
                "start| 2026-12-01| start: '2026-12-01' is not an ISO-8601 time with offset, e.g. 2026-12-01T00:00:00Z",
                "granularity| 1 hour| granularity: '1 hour' is not seconds (3600) or a number with s, m, h or d (1h)",
                "colour| red| colour: unknown parameter; known: aggregation, filter, format, granularity, groupby,"
                        + " metric, reaggregation, resource_type, start, stop, unit",
            })
    void namesTheBadParameter(String name, String value, String message) {
        Map<String, List<String>> parameters = new HashMap<>(with(Map.of("metric", List.of("a,b,c"))));
        parameters.put(name, List.of(value));

        assertThatThrownBy(() -> ExportParameters.parse(parameters))
                .isInstanceOf(InvalidExportException.class)
                .hasMessage(message);
    }

    @Test
    void refusesASingleValueGivenTwice() {
        Map<String, List<String>> parameters = new HashMap<>(with(Map.of("metric", List.of("cpu"))));
        parameters.put("start", List.of("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z"));

        assertThatThrownBy(() -> ExportParameters.parse(parameters)).hasMessage("start: given 2 times; once only");
    }

    private static Map<String, List<String>> with(Map<String, List<String>> more) {
        Map<String, List<String>> parameters = new HashMap<>(TIME);
        parameters.putAll(more);
        return parameters;
    }
}
