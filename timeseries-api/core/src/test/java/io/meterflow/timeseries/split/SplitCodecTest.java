package io.meterflow.timeseries.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.meterflow.timeseries.aggregation.TimeSeries;
import org.junit.jupiter.api.Test;

/** The binary forms of aggregate splits and raw buffers survive a round trip bit for bit. */
class SplitCodecTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long SPLIT_START = 1_414_800_000L * SECOND; // a multiple of 3600 minutes

    @Test
    void splitRoundTripsEveryKindOfValue() {
        TimeSeries points = new TimeSeries(
                new long[] {
                    SPLIT_START, SPLIT_START + MINUTE, SPLIT_START + 1_000 * MINUTE, SPLIT_START + 3_599 * MINUTE
                },
                new double[] {43.1, Double.NaN, Double.NEGATIVE_INFINITY, -0.0});

        byte[] encoded = SplitCodec.encode(points, SPLIT_START, MINUTE);

        assertThat(SplitCodec.decode(encoded, SPLIT_START, MINUTE)).isEqualTo(points);
        assertThat(encoded).hasSize(1 + 4 + 4 * 12); // gaps: version, count, then 12 bytes a point
    }

    @Test
    void contiguousBucketsAreStoredWithTheirFirstOffsetOnly() {
        TimeSeries points = new TimeSeries(
                new long[] {SPLIT_START + 5 * MINUTE, SPLIT_START + 6 * MINUTE, SPLIT_START + 7 * MINUTE},
                new double[] {1.5, Double.NaN, 3});

        byte[] encoded = SplitCodec.encode(points, SPLIT_START, MINUTE);

        assertThat(SplitCodec.decode(encoded, SPLIT_START, MINUTE)).isEqualTo(points);
        assertThat(encoded).hasSize(1 + 4 + 4 + 3 * 8); // version, count, first offset, 8 bytes a point
    }

    @Test
    void aSinglePointRoundTrips() {
        TimeSeries point = new TimeSeries(new long[] {SPLIT_START + 119 * MINUTE}, new double[] {-2});

        assertThat(SplitCodec.decode(SplitCodec.encode(point, SPLIT_START, MINUTE), SPLIT_START, MINUTE))
                .isEqualTo(point);
    }

    @Test
    void emptySplitRoundTrips() {
        assertThat(SplitCodec.decode(SplitCodec.encode(TimeSeries.EMPTY, SPLIT_START, MINUTE), SPLIT_START, MINUTE))
                .isEqualTo(TimeSeries.EMPTY);
    }

    @Test
    void subSecondGranularitiesRoundTrip() {
        long half = SECOND / 2;
        TimeSeries points =
                new TimeSeries(new long[] {SPLIT_START + half, SPLIT_START + 7 * half}, new double[] {1, 2});

        assertThat(SplitCodec.decode(SplitCodec.encode(points, SPLIT_START, half), SPLIT_START, half))
                .isEqualTo(points);
    }

    @Test
    void rawBufferRoundTripsArbitraryNanosecondTimestamps() {
        TimeSeries raw = new TimeSeries(
                new long[] {1, SPLIT_START + 123_456_789L, Long.MAX_VALUE / 2},
                new double[] {Double.POSITIVE_INFINITY, 1e300, Double.MIN_VALUE});

        assertThat(SplitCodec.decodeRaw(SplitCodec.encodeRaw(raw))).isEqualTo(raw);
        assertThat(SplitCodec.decodeRaw(SplitCodec.encodeRaw(TimeSeries.EMPTY))).isEqualTo(TimeSeries.EMPTY);
    }

    @Test
    void refusesAnUnknownFormatVersion() {
        byte[] encoded = SplitCodec.encode(TimeSeries.EMPTY, SPLIT_START, MINUTE);
        encoded[0] = 99;

        assertThatThrownBy(() -> SplitCodec.decode(encoded, SPLIT_START, MINUTE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("99");
        assertThatThrownBy(() -> SplitCodec.decodeRaw(encoded)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void splitKeysAreEpochAlignedBlocksOf120Points() {
        assertThat(SplitKey.span(MINUTE)).isEqualTo(120 * MINUTE);
        assertThat(SplitKey.splitStartOf(SPLIT_START + 119 * MINUTE, MINUTE)).isEqualTo(SPLIT_START);
        assertThat(SplitKey.splitStartOf(SPLIT_START + 120 * MINUTE, MINUTE)).isEqualTo(SPLIT_START + 120 * MINUTE);
        assertThat(SplitKey.splitStartOf(SPLIT_START - 1, MINUTE)).isEqualTo(SPLIT_START - 120 * MINUTE);
        // 120 divides the 3,600 points of the splits before schema version 8: old splits re-split whole.
        assertThat(3_600 % SplitKey.POINTS_PER_SPLIT).isZero();
        // A year-long granularity times 120 would overflow 64-bit nanoseconds: fewer points a split.
        long year = 365L * 86_400 * SECOND;
        assertThat(SplitKey.span(year)).isPositive().isLessThan(Long.MAX_VALUE / 2);
    }

    @Test
    void pointsAreCutIntoTheSplitsTheyFallIn() {
        TimeSeries points = new TimeSeries(
                new long[] {
                    SPLIT_START, SPLIT_START + 119 * MINUTE, SPLIT_START + 120 * MINUTE, SPLIT_START + 500 * MINUTE
                },
                new double[] {1, 2, 3, 4});

        assertThat(SplitKey.bySplit(points, 0, MINUTE))
                .containsExactly(
                        entry(SPLIT_START, points.slice(0, 2)),
                        entry(SPLIT_START + 120 * MINUTE, points.slice(2, 3)),
                        entry(SPLIT_START + 480 * MINUTE, points.slice(3, 4)));
        assertThat(SplitKey.bySplit(points, 2, MINUTE))
                .containsOnlyKeys(SPLIT_START + 120 * MINUTE, SPLIT_START + 480 * MINUTE);
        assertThat(SplitKey.bySplit(TimeSeries.EMPTY, 0, MINUTE)).isEmpty();
    }
}
