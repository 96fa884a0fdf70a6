package io.meterflow.timeseries.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Timestamps of measures and of start/stop, parsed as Gnocchi parses them, against a frozen clock. */
class TimestampsTest {

    private static final Instant NOW = Instant.parse("2014-10-06T14:40:00Z");
    private static final Timestamps TIMESTAMPS = new Timestamps(Clock.fixed(NOW, ZoneOffset.UTC));

    static Stream<Arguments> singleTimestamps() {
        return Stream.of(
                // ISO 8601: UTC when no zone, offsets converted, fractions kept
                Arguments.of("2014-10-06T14:33:57Z", "2014-10-06T14:33:57Z"),
                Arguments.of("2014-10-06T14:33:57", "2014-10-06T14:33:57Z"),
                Arguments.of("2014-10-06 14:33:57", "2014-10-06T14:33:57Z"),
                Arguments.of("2014-10-06T14:33:57+02:00", "2014-10-06T12:33:57Z"),
                Arguments.of("2014-10-06T14:33:57-0130", "2014-10-06T16:03:57Z"),
                Arguments.of("2014-10-06T14:33:57.123456", "2014-10-06T14:33:57.123456Z"),
                Arguments.of("2014-10-06T14:33:57.5Z", "2014-10-06T14:33:57.500Z"),
                Arguments.of("2014-10-06T14:33", "2014-10-06T14:33:00Z"),
                Arguments.of("2014-10-06", "2014-10-06T00:00:00Z"),
                Arguments.of("2200-01-01T00:00:00", "2200-01-01T00:00:00Z"),
                // epoch seconds, as numbers or numeric strings
                Arguments.of(1412606037, "2014-10-06T14:33:57Z"),
                Arguments.of(1412606037L, "2014-10-06T14:33:57Z"),
                Arguments.of(1412606037.5, "2014-10-06T14:33:57.500Z"),
                Arguments.of("1412606037", "2014-10-06T14:33:57Z"),
                Arguments.of("1412606037.25", "2014-10-06T14:33:57.250Z"),
                Arguments.of(0, "1970-01-01T00:00:00Z"),
                // durations relative to now
                Arguments.of("-5 minutes", "2014-10-06T14:35:00Z"),
                Arguments.of("5 minutes", "2014-10-06T14:45:00Z"),
                Arguments.of("-1 days", "2014-10-05T14:40:00Z"),
                Arguments.of("-1h30m", "2014-10-06T13:10:00Z"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("singleTimestamps")
    void parsesEveryFormGnocchiAccepts(Object value, String instant) {
        assertThat(TIMESTAMPS.parseOne(value)).isEqualTo(nanos(instant));
    }

    @Test
    void firstElementDecidesHowTheWholeListIsRead() {
        assertThat(TIMESTAMPS.parseAll(List.of(1412606037, "1412606038", 1412606039.5)))
                .containsExactly(
                        nanos("2014-10-06T14:33:57Z"),
                        nanos("2014-10-06T14:33:58Z"),
                        nanos("2014-10-06T14:33:59.500Z"));
        assertThat(TIMESTAMPS.parseAll(List.of("-5 minutes", "-1 minute")))
                .containsExactly(nanos("2014-10-06T14:35:00Z"), nanos("2014-10-06T14:39:00Z"));
        // An epoch list cannot hold an ISO date, nor an ISO list a relative duration.
        assertThatThrownBy(() -> TIMESTAMPS.parseAll(List.of(1412606037, "2014-10-06T14:33:57")))
                .hasMessage("Unable to convert timestamps");
        assertThatThrownBy(() -> TIMESTAMPS.parseAll(List.of("2014-10-06T14:33:57", "-5 minutes")))
                .hasMessage("Unable to convert timestamps");
    }

    @Test
    void acceptsNowAndToday() {
        assertThat(TIMESTAMPS.parseOne("now")).isEqualTo(nanos("2014-10-06T14:40:00Z"));
        assertThat(TIMESTAMPS.parseOne("today")).isEqualTo(nanos("2014-10-06T00:00:00Z"));
    }

    @Test
    void emptyListParsesToNothing() {
        assertThat(TIMESTAMPS.parseAll(List.of())).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is no timestamp")
    @CsvSource({"garbage", "2014-13-45T00:00:00", "2014-10-06T25:00:00", "yesterday at noon", "''"})
    void rejectsGarbage(String value) {
        assertThatThrownBy(() -> TIMESTAMPS.parseOne(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unable to convert timestamps");
    }

    @Test
    void rejectsNonScalarValues() {
        assertThatThrownBy(() -> TIMESTAMPS.parseOne(List.of(1))).hasMessage("Unable to convert timestamps");
        assertThatThrownBy(() -> TIMESTAMPS.parseOne(true)).hasMessage("Unable to convert timestamps");
    }

    @ParameterizedTest(name = "{0} is before the epoch")
    @MethodSource("beforeEpoch")
    void rejectsTimestampsBeforeTheEpoch(Object value) {
        assertThatThrownBy(() -> TIMESTAMPS.parseOne(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Timestamp must be after Epoch");
    }

    static Stream<Object> beforeEpoch() {
        return Stream.of("1960-01-01T00:00:00", "1969-12-31T23:59:59Z", -1, "-0.5", "-20000 days");
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
        "2014-10-06T14:33:57Z, 2014-10-06T14:33:57+00:00",
        "2015-03-06T14:33:57.500Z, 2015-03-06T14:33:57.500000+00:00",
        "2015-03-06T14:33:57.000001Z, 2015-03-06T14:33:57.000001+00:00",
        "2015-03-06T14:33:57.000000999Z, 2015-03-06T14:33:57+00:00",
        "1970-01-01T00:00:00Z, 1970-01-01T00:00:00+00:00"
    })
    void printsAsPythonsIsoformatInUtc(String instant, String printed) {
        assertThat(Timestamps.format(nanos(instant))).isEqualTo(printed);
    }

    private static long nanos(String instant) {
        Instant parsed = Instant.parse(instant);
        return parsed.getEpochSecond() * 1_000_000_000L + parsed.getNano();
    }
}
