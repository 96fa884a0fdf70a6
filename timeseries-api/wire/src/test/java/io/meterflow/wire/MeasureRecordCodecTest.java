package io.meterflow.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeasureRecordCodecTest {

    private final MeasureRecordCodec codec = new MeasureRecordCodec();
    private final UUID metric = UUID.fromString("5f1c0a46-5b0e-4c8e-9d3a-0f1b2c3d4e5f");

    @Test
    void roundTripsNanosecondTimestampsAndNonFiniteValues() {
        MeasureRecord record = new MeasureRecord(
                metric,
                new long[] {1_705_312_800_123_456_789L, 1_705_312_801_000_000_000L, 1_705_312_802_000_000_000L},
                new double[] {4.25, Double.NaN, Double.NEGATIVE_INFINITY});

        assertThat(codec.decode(codec.encode(record))).isEqualTo(record);
    }

    @Test
    void roundTripsEveryDoubleBitForBit() {
        Random random = new Random(3);
        int count = 100_000;
        long[] timestamps = new long[count];
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // any exponent, subnormals too
                case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
                case 2 -> random.nextInt(1_000_000) / 100.0;
                default -> random.nextDouble();
            };
            timestamps[i] = random.nextLong();
        }
        MeasureRecord record = new MeasureRecord(metric, timestamps, values);

        assertThat(codec.decode(codec.encode(record))).isEqualTo(record);
    }

    @Test
    void writesTheDocumentedVersionOneShape() {
        String json = new String(
                codec.encode(new MeasureRecord(metric, new long[] {5}, new double[] {1.5})), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"format_version\":1,\"metric_id\":\"" + metric + "\",\"measures\":[[5,1.5]]}");
    }

    @Test
    void everyGoldenRecordReadsAndWritesBackByteForByte() {
        for (String line : WireFixtures.lines(WireFixtures.MEASURES)) {
            MeasureRecord record = codec.decode(line.getBytes(StandardCharsets.UTF_8));
            assertThat(new String(codec.encode(record), StandardCharsets.UTF_8)).isEqualTo(line);
        }
    }

    @Test
    void skipsFieldsALaterVersionOneWriterAdds() {
        String json = "{\"format_version\":1,\"source\":{\"api\":\"x\"},\"metric_id\":\"" + metric
                + "\",\"measures\":[[5,2]]}";

        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new MeasureRecord(metric, new long[] {5}, new double[] {2}));
    }

    @Test
    void refusesWhatIsNotAVersionOneMeasuresRecord() {
        assertRefused(
                "{\"format_version\":2,\"metric_id\":\"" + metric + "\",\"measures\":[]}",
                "unsupported format_version 2");
        assertRefused("{\"metric_id\":\"" + metric + "\",\"measures\":[]}", "lacks format_version");
        assertRefused("{\"format_version\":1,\"measures\":[]}", "lacks metric_id");
        assertRefused("{\"format_version\":1,\"metric_id\":\"nope\",\"measures\":[]}", "Invalid UUID");
        assertRefused(
                "{\"format_version\":1,\"metric_id\":\"" + metric + "\",\"measures\":[[1,2,3]]}",
                "[timestamp, value] pair");
        assertRefused("{\"format_version\":1,\"metric_id\":\"" + metric + "\",\"measures\":[[1.5,2]]}", "unreadable");
        assertRefused("[1]", "not a JSON object");
        assertRefused("{\"format_version\":1,", "unreadable");
    }

    private void assertRefused(String json, String reason) {
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining(reason);
    }
}
