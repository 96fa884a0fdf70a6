package io.meterflow.timeseries.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Durations in the forms Gnocchi accepts and the form it prints (Python's str(timedelta)). */
class TimespansTest {

    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest(name = "\"{0}\" is {1} s")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 hour          | 3600",
                "1 hours         | 3600",
                "1h              | 3600",
                "1.5 hours       | 5400",
                "5 min           | 300",
                "5 minutes       | 300",
                "5m              | 300",
                "2h30m           | 9000",
                "2h 30m          | 9000",
                "1 day           | 86400",
                "1d              | 86400",
                "30 days         | 2592000",
                "1w              | 604800",
                "10s             | 10",
                "1 second        | 1",
                "60              | 60",
                "1.5             | 1.5",
                "0.5             | 0.5",
                "1:00:00         | 3600",
                "0:05:00         | 300",
                "23:59:59        | 86399",
                "1 day, 0:00:00  | 86400",
                "7 days, 0:00:00 | 604800",
                "1 day, 1:01:01.250000 | 90061.25",
                "0:00:00.500000  | 0.5"
            })
    void parsesTheFormsGnocchiAccepts(String text, BigDecimal seconds) {
        assertThat(Timespans.parse(text, false))
                .isEqualTo(seconds.movePointRight(9).longValueExact());
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of(60, 60 * SECOND),
                Arguments.of(60L, 60 * SECOND),
                Arguments.of(1.5, 1_500_000_000L),
                Arguments.of(0.001, 1_000_000L));
    }

    @ParameterizedTest(name = "{0} (a JSON number) is {1} ns")
    @MethodSource("numbers")
    void parsesNumbersAsSeconds(Number seconds, long nanos) {
        assertThat(Timespans.parse(seconds, false)).isEqualTo(nanos);
    }

    @Test
    void negativeDurationsOnlyWhereAllowed() {
        assertThat(Timespans.parse("-10 seconds", true)).isEqualTo(-10 * SECOND);
        assertThat(Timespans.parse("-5 minutes", true)).isEqualTo(-300 * SECOND);
        assertThat(Timespans.parse("+5 minutes", true)).isEqualTo(300 * SECOND);
        assertThat(Timespans.parse(-60, true)).isEqualTo(-60 * SECOND);
        assertThatThrownBy(() -> Timespans.parse("-10 seconds", false)).hasMessage("Timespan must be positive");
        assertThatThrownBy(() -> Timespans.parse(-60, false)).hasMessage("Timespan must be positive");
        assertThatThrownBy(() -> Timespans.parse("0", false)).hasMessage("Timespan must be positive");
        assertThatThrownBy(() -> Timespans.parse(0, false)).hasMessage("Timespan must be positive");
    }

    @ParameterizedTest(name = "\"{0}\" does not parse")
    @CsvSource({"garbage", "1 month", "1y", "five minutes", "5 parsecs", "1:00:00:00", "''", "h", "1 hour ago"})
    void rejectsGarbageWithGnocchisMessage(String text) {
        assertThatThrownBy(() -> Timespans.parse(text, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unable to parse timespan");
    }

    @Test
    void rejectsNullAndNonScalars() {
        assertThatThrownBy(() -> Timespans.parse(null, true)).hasMessage("Invalid timespan");
        assertThatThrownBy(() -> Timespans.parse(java.util.List.of(1), true)).hasMessage("Unable to parse timespan");
    }

    @ParameterizedTest(name = "{0} s prints as \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "1          | 0:00:01",
                "60         | 0:01:00",
                "300        | 0:05:00",
                "3600       | 1:00:00",
                "86399      | 23:59:59",
                "86400      | 1 day, 0:00:00",
                "604800     | 7 days, 0:00:00",
                "2592000    | 30 days, 0:00:00",
                "31536000   | 365 days, 0:00:00",
                "90061.25   | 1 day, 1:01:01.250000",
                "0.5        | 0:00:00.500000",
                "3.6        | 0:00:03.600000",
                "56         | 0:00:56",
                "3598       | 0:59:58",
                "-1         | -1 day, 23:59:59",
                "0          | 0:00:00"
            })
    void printsAsPythonsTimedelta(BigDecimal seconds, String printed) {
        assertThat(Timespans.toPythonString(seconds.movePointRight(9).longValueExact()))
                .isEqualTo(printed);
    }

    @Test
    void printedFormParsesBackToTheSameDuration() {
        for (long nanos : new long[] {SECOND, 86_400 * SECOND, 90_061_250_000_000L, SECOND / 2, 31_536_000 * SECOND}) {
            assertThat(Timespans.parse(Timespans.toPythonString(nanos), false)).isEqualTo(nanos);
        }
    }

    @Test
    void secondsAreTheUnitOfGranularitiesInJson() {
        assertThat(Timespans.toSeconds(60 * SECOND)).isEqualTo(60.0);
        assertThat(Timespans.toSeconds(SECOND / 2)).isEqualTo(0.5);
    }
}
