package io.meterflow.timeseries.archivepolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resolving an archive policy's aggregation_methods request the way Gnocchi does. */
class AggregationMethodSetTest {

    private static final List<String> DEFAULTS = BuiltInArchivePolicies.DEFAULT_METHODS;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // request entries (space separated) | resolved methods (space separated, sorted)
                "''                  | count max mean min std sum", // empty list: the defaults
                "-mean               | count max min std sum",
                "+rate:mean          | count max mean min rate:mean std sum",
                "-mean -max +last    | count last min std sum",
                "-median             | count max mean min std sum", // removing an absent method is fine
                "mean                | mean", // plain names replace the defaults
                "last max            | last max",
                "mean +max           | max mean",
                "max -max            | ''",
                "95pct rate:last     | 95pct rate:last"
            })
    void resolvesPlusMinusAndPlainEntries(String entries, String expected) {
        assertThat(AggregationMethodSet.resolve(words(entries), DEFAULTS)).containsExactlyElementsOf(words(expected));
    }

    @Test
    void starMeansEveryValidMethod() {
        assertThat(AggregationMethodSet.resolve(List.of("*"), DEFAULTS))
                .hasSize(216)
                .containsAll(AggregationMethodSet.ALL);
        assertThat(AggregationMethodSet.resolve(List.of("*", "-mean", "-max"), DEFAULTS))
                .hasSize(214)
                .doesNotContain("mean", "max")
                .contains("rate:mean", "rate:max");
    }

    @Test
    void everyValidMethodIsNineReducersAndNinetyNinePercentilesWithAndWithoutRate() {
        assertThat(AggregationMethodSet.ALL)
                .hasSize(216)
                .doesNotHaveDuplicates()
                .contains("mean", "sum", "last", "max", "min", "std", "median", "first", "count", "1pct", "99pct")
                .contains("rate:mean", "rate:count", "rate:1pct", "rate:99pct")
                .doesNotContain("0pct", "100pct", "rate:rate:mean");
    }

    @ParameterizedTest(name = "\"{0}\" is a valid entry: {1}")
    @CsvSource({
        "mean, true", "+mean, true", "-mean, true", "*, true", "rate:95pct, true", "+rate:last, true",
        "wtf, false", "rate:wtf, false", "0pct, false", "100pct, false", "-wtf, false", "rate:rate:mean, false",
        "+*, false", "'', false"
    })
    void validatesRequestEntries(String entry, boolean valid) {
        assertThat(AggregationMethodSet.isValidEntry(entry)).isEqualTo(valid);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
