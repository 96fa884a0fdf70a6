package io.meterflow.timeseries.archivepolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gnocchi's rules for deriving the third of granularity, points and timespan from the other two. */
class ArchivePolicyItemTest {

    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest(name = "granularity {0} s, points {1}, timespan {2} s -> {3} s x {4} = {5} s")
    @CsvSource(
            nullValues = "-",
            value = {
                // given: granularity, points, timespan (seconds) -> expected granularity, points, timespan
                "60,   10,    -,      60,   10,    600", // timespan = granularity x points
                "60,   -,     3600,   60,   60,    3600", // points = timespan / granularity
                "-,    60,    3600,   60,   60,    3600", // granularity = timespan / points
                "60,   60,    3600,   60,   60,    3600", // all three, consistent
                "7,    -,     60,     7,    8,     56", // points round down, timespan recomputed
                "7,    -,     3600,   7,    514,   3598",
                "300,  -,     2592000, 300, 8640,  2592000",
                "1,    -,     3600,   1,    3600,  3600",
                "60,   -,     -,      60,   -,     -", // granularity alone: kept forever
                "0.5,  20,    -,      0.5,  20,    10"
            })
    void derivesTheMissingValue(
            String granularity,
            Long points,
            String timespan,
            String expectedGranularity,
            Long expectedPoints,
            String expectedTimespan) {
        ArchivePolicyItem item = ArchivePolicyItem.of(nanos(granularity), points, nanos(timespan));

        assertThat(item)
                .isEqualTo(new ArchivePolicyItem(nanos(expectedGranularity), expectedPoints, nanos(expectedTimespan)));
    }

    @ParameterizedTest(name = "granularity {0}, points {1}, timespan {2}: {3}")
    @CsvSource(
            nullValues = "-",
            delimiter = '|',
            value = {
                "60   | 10 | 601  | timespan ≠ granularity × points",
                "7200 | -  | 3600 | Calculated number of points is < 0",
                "-    | 10 | -    | At least two of granularity/points/timespan must be provided",
                "-    | -  | 3600 | At least two of granularity/points/timespan must be provided",
                "-    | -  | -    | At least two of granularity/points/timespan must be provided",
                "0    | 10 | -    | Granularity should be > 0",
                "-60  | 10 | -    | Granularity should be > 0",
                "60   | 0  | -    | Number of points should be > 0"
            })
    void rejectsImpossibleDefinitionsWithGnocchisMessages(
            String granularity, Long points, String timespan, String message) {
        assertThatThrownBy(() -> ArchivePolicyItem.of(nanos(granularity), points, nanos(timespan)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    private static Long nanos(String seconds) {
        return seconds == null
                ? null
                : new java.math.BigDecimal(seconds).movePointRight(9).longValueExact();
    }
}
