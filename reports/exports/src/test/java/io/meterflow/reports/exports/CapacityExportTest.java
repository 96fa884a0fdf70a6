package io.meterflow.reports.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CapacityExportTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant STOP = Instant.parse("2026-12-02T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final List<MetricAggregate> CPU = List.of(MetricAggregate.of("cpu", "mean"));

    @Test
    void defaultsToInstancesAndKeepsColumnsInOrder() {
        CapacityExport export = new CapacityExport(
                List.of(MetricAggregate.of("cpu", "mean"), new MetricAggregate("vcpus", "mean", "sum", "vCPU")),
                null,
                List.of("host"),
                START,
                STOP,
                HOUR,
                null);

        assertThat(export.resourceType()).isEqualTo("instance");
        assertThat(export.columns()).containsExactly("cpu_mean", "vcpus_mean_sum");
        assertThat(export.filter()).isEmpty();
        assertThat(export.fileName(ExportFormat.SVG))
                .isEqualTo("capacity-cpu_mean-vcpus_mean_sum-by-host-20261201T000000Z-20261202T000000Z.svg");
    }

    static Stream<Arguments> invalidExports() {
        return Stream.of(
                Arguments.of(new Valid().metrics(List.of()), "metric: at least one metric is needed"),
                Arguments.of(
                        new Valid().metrics(List.of(CPU.get(0), CPU.get(0))), "metric: column cpu_mean is asked twice"),
                Arguments.of(new Valid().groupBy(List.of("host", "host")), "groupby: host is asked twice"),
                Arguments.of(
                        new Valid().groupBy(List.of("timestamp")),
                        "groupby: timestamp is asked twice or collides with a column name"),
                Arguments.of(
                        new Valid().groupBy(List.of("flavor name")),
                        "groupby: 'flavor name' is not a resource attribute name"),
                Arguments.of(
                        new Valid().resourceType("in stance"),
                        "resource_type: 'in stance' is not a resource type name"),
                Arguments.of(new Valid().start(null), "start: a start time is needed"),
                Arguments.of(new Valid().stop(null), "stop: a stop time is needed"),
                Arguments.of(
                        new Valid().stop(START),
                        "stop: stop 2026-12-01T00:00:00Z must be after start 2026-12-01T00:00:00Z"),
                Arguments.of(new Valid().granularity(null), "granularity: a granularity in seconds"),
                Arguments.of(
                        new Valid().granularity(Duration.ofMillis(1500)),
                        "granularity: must be a positive whole number of seconds"),
                Arguments.of(
                        new Valid().granularity(Duration.ofSeconds(-60)),
                        "granularity: must be a positive whole number of seconds, got -60"),
                Arguments.of(
                        new Valid().stop(START.plus(Duration.ofDays(2))).granularity(Duration.ofSeconds(1)),
                        "granularity: 1 s from 2026-12-01T00:00:00Z to 2026-12-03T00:00:00Z is 172800 points"),
                Arguments.of(
                        new Valid().filter(Map.of("project id", "p1")),
                        "filter: 'project id' is not a resource attribute name"),
                Arguments.of(new Valid().filter(Map.of("project_id", "")), "filter: project_id needs a value"));
    }

    @ParameterizedTest
    @MethodSource("invalidExports")
    void refusesWithAMessageNamingTheParameter(Valid export, String message) {
        assertThatThrownBy(export::build)
                .isInstanceOf(InvalidExportException.class)
                .hasMessageContaining(message);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> new CapacityExport(List.of(), "x y", List.of("a b"), null, null, null, null))
                .isInstanceOfSatisfying(
                        InvalidExportException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidExportException.Problem::parameter)
                                .containsExactly("metric", "groupby", "resource_type", "start", "stop", "granularity"));
    }

    /** A valid export, one field at a time made invalid; test code only, the record needs no builder. */
    private static final class Valid {
        private List<MetricAggregate> metrics = CPU;
        private String resourceType = "instance";
        private List<String> groupBy = List.of("host");
        private Instant start = START;
        private Instant stop = STOP;
        private Duration granularity = HOUR;
        private Map<String, String> filter = Map.of();

        Valid metrics(List<MetricAggregate> value) {
            metrics = value;
            return this;
        }

        Valid resourceType(String value) {
            resourceType = value;
            return this;
        }

        Valid groupBy(List<String> value) {
            groupBy = value;
            return this;
        }

        Valid start(Instant value) {
            start = value;
            return this;
        }

        Valid stop(Instant value) {
            stop = value;
            return this;
        }

        Valid granularity(Duration value) {
            granularity = value;
            return this;
        }

        Valid filter(Map<String, String> value) {
            filter = value;
            return this;
        }

        CapacityExport build() {
            return new CapacityExport(metrics, resourceType, groupBy, start, stop, granularity, filter);
        }

        @Override
        public String toString() {
            return metrics + " " + resourceType + " " + groupBy + " " + start + " " + stop + " " + granularity + " "
                    + filter;
        }
    }
}
