package io.meterflow.reports.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricAggregateTest {

    @ParameterizedTest
    @CsvSource({
        "cpu, mean, , cpu_mean, (aggregate mean (metric cpu mean))",
        "memory.usage, max, , memory.usage_max, (aggregate max (metric memory.usage max))",
        "vcpus, mean, sum, vcpus_mean_sum, (aggregate sum (metric vcpus mean))",
        "cpu, 95pct, max, cpu_95pct_max, (aggregate max (metric cpu 95pct))",
        "cpu, rate:mean, sum, cpu_rate:mean_sum, (aggregate sum (metric cpu rate:mean))",
    })
    void namesItsColumnAndWritesItsOperations(
            String metric, String aggregation, String reaggregation, String column, String operations) {
        MetricAggregate aggregate = new MetricAggregate(metric, aggregation, reaggregation, null);

        assertThat(aggregate.column()).isEqualTo(column);
        assertThat(aggregate.operations()).isEqualTo(operations);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "cpu time| mean| | metric: a metric name without spaces, quotes, parentheses or '/' is needed, got 'cpu time'",
                "cpu)| mean| | metric: a metric name without",
                "| mean| | metric: a metric name without",
                "cpu| average| | aggregation: 'average' for metric cpu is not an archive aggregation method",
                "cpu| mean| first| reaggregation: 'first' for metric cpu cannot combine resources; use one of count, max,"
                        + " mean, median, min, std, sum, var",
            })
    void refusesWhatGnocchiCouldNotCompute(String metric, String aggregation, String reaggregation, String message) {
        assertThatThrownBy(() -> new MetricAggregate(metric, aggregation, reaggregation, null))
                .isInstanceOf(InvalidExportException.class)
                .hasMessageContaining(message);
    }

    @Test
    void treatsABlankUnitAsUnknown() {
        assertThat(MetricAggregate.of("cpu", "mean").withUnit(" ").unit()).isNull();
    }
}
