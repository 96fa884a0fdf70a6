package io.meterflow.timeseries.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reducer against values computed by hand (and checked against Gnocchi's carbonara on numpy).
 * Values are given in time order, which first and last depend on.
 */
class ReducerTest {

    private static final double NAN = Double.NaN;

    static Stream<Arguments> reductions() {
        return Stream.of(
                // method, values in time order, expected
                Arguments.of("mean", new double[] {1, 2, 3, 4}, 2.5),
                Arguments.of("mean", new double[] {43.1, 12, 2}, 57.1 / 3),
                Arguments.of("mean", new double[] {-3, 3}, 0.0),
                Arguments.of("sum", new double[] {1, 2, 3, 4}, 10.0),
                Arguments.of("sum", new double[] {12, 2}, 14.0),
                Arguments.of("first", new double[] {3, 1, 2}, 3.0),
                Arguments.of("last", new double[] {3, 1, 2}, 2.0),
                Arguments.of("min", new double[] {4, -5, 3}, -5.0),
                Arguments.of("max", new double[] {4, -5, 3}, 4.0),
                Arguments.of("count", new double[] {3, 1, 2}, 3.0),
                Arguments.of("count", new double[] {7}, 1.0),
                // median: middle value (odd), mean of the two middle values (even), of the sorted values
                Arguments.of("median", new double[] {3, 1, 2}, 2.0),
                Arguments.of("median", new double[] {4, 1, 3, 2}, 2.5),
                Arguments.of("median", new double[] {1, 2, 3, 4, 5, 7, 8, 16, 32, 64}, 6.0),
                // std: sample standard deviation, sqrt(sum((v - mean)^2) / (n - 1))
                Arguments.of("std", new double[] {1, 2, 3, 4}, Math.sqrt(5.0 / 3)), // 1.2909944487358056
                Arguments.of("std", new double[] {2, 4, 4, 4, 5, 5, 7, 9}, Math.sqrt(32.0 / 7)),
                Arguments.of("std", new double[] {1, 2, 4, 8, 16, 32, 64, 3, 5, 7}, 19.797867449691534),
                Arguments.of("std", new double[] {5, 5}, 0.0),
                // Npct: sorted s, pos = (n - 1) * N / 100, s[floor] + (s[ceil] - s[floor]) * (pos - floor)
                Arguments.of("95pct", new double[] {1, 2, 3, 4}, 3.85), // pos 2.85
                Arguments.of("95pct", new double[] {4, 3, 2, 1}, 3.85),
                Arguments.of("50pct", new double[] {1, 2, 3, 4}, 2.5),
                Arguments.of("25pct", new double[] {1, 2, 3, 4}, 1.75), // pos 0.75
                Arguments.of("1pct", new double[] {1, 2, 3, 4}, 1.03), // pos 0.03
                Arguments.of("99pct", new double[] {1, 2, 3, 4}, 3.97), // pos 2.97
                Arguments.of("95pct", new double[] {1, 2, 4, 4, 6, 18}, 15.0), // pos 4.75
                Arguments.of("95pct", new double[] {1, 1, 2, 6, 7, 38}, 30.25),
                Arguments.of("95pct", new double[] {0, 2, 2, 3, 3}, 3.0), // pos 3.8, equal
                Arguments.of("50pct", new double[] {5, 1, 3}, 3.0), // pos 1, exact
                Arguments.of("95pct", new double[] {7}, 7.0));
    }

    @ParameterizedTest(name = "{0} of {1} = {2}")
    @MethodSource("reductions")
    void reducesABucketAsGnocchiDoes(String method, double[] values, double expected) {
        Reducer reducer = Reducer.parse(method);

        assertThat(reducer.yieldsPointFor(values.length)).isTrue();
        assertThat(reducer.reduce(values, 0, values.length)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void reducesOnlyTheGivenRangeOfTheArray() {
        double[] values = {100, 1, 2, 3, -100};

        assertThat(Reducer.parse("sum").reduce(values, 1, 4)).isEqualTo(6.0);
        assertThat(Reducer.parse("first").reduce(values, 1, 4)).isEqualTo(1.0);
        assertThat(Reducer.parse("last").reduce(values, 1, 4)).isEqualTo(3.0);
        assertThat(Reducer.parse("max").reduce(values, 1, 4)).isEqualTo(3.0);
        assertThat(Reducer.parse("median").reduce(values, 1, 4)).isEqualTo(2.0);
        assertThat(values).containsExactly(100, 1, 2, 3, -100); // sorting works on a copy
    }

    @Test
    void standardDeviationOfASingleValueYieldsNoPoint() {
        assertThat(Reducer.parse("std").yieldsPointFor(1)).isFalse();
        assertThat(Reducer.parse("std").yieldsPointFor(2)).isTrue();
        assertThat(Reducer.parse("mean").yieldsPointFor(1)).isTrue();
    }

    @ParameterizedTest(name = "{0} of [1, NaN, 3] = {1}")
    @CsvSource({
        "min, 1.0", // numpy sorts NaN last: min ignores it
        "median, 3.0", // sorted [1, 3, NaN], middle value
        "mean, NaN",
        "sum, NaN",
        "std, NaN",
        "count, 3.0",
        "first, 1.0",
        "last, 3.0"
    })
    void notANumberSortsAsTheLargestValue(String method, double expected) {
        double[] values = {1, NAN, 3};

        assertThat(Reducer.parse(method).reduce(values, 0, 3))
                .isEqualTo(Double.valueOf(expected)); // boxed: NaN equals NaN
    }

    @Test
    void minimumIsNotANumberOnlyWhenEveryValueIs() {
        assertThat(Reducer.parse("min").reduce(new double[] {NAN, NAN}, 0, 2)).isNaN();
        assertThat(Reducer.parse("min").reduce(new double[] {NAN, 5}, 0, 2)).isEqualTo(5.0);
    }

    @Test
    void maximumIsNotANumberWhenAnyValueIs() {
        assertThat(Reducer.parse("max").reduce(new double[] {1, NAN, 3}, 0, 3)).isNaN();
        assertThat(Reducer.parse("max").reduce(new double[] {NAN, 1}, 0, 2)).isNaN();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        "mean, mean",
        "sum, sum",
        "last, last",
        "first, first",
        "min, min",
        "max, max",
        "median, median",
        "std, std",
        "count, count",
        "1pct, 1pct",
        "50pct, 50pct",
        "99pct, 99pct"
    })
    void parsesEveryGnocchiMethodName(String name, String expectedName) {
        assertThat(Reducer.parse(name)).isNotNull();
        assertThat(Reducer.parse(name).name()).isEqualTo(expectedName);
    }

    @ParameterizedTest(name = "\"{0}\" is no method")
    @CsvSource({"0pct", "100pct", "5.5pct", "pct", "-5pct", "095pct", "avg", "Mean", "rate:mean", "''"})
    void rejectsNamesGnocchiRejects(String name) {
        assertThat(Reducer.parse(name)).isNull();
    }
}
