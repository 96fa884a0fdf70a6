package io.meterflow.timeseries.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterflow.timeseries.aggregation.Measure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeasureRecordFormatTest {

    private final MeasureRecordFormat format = new MeasureRecordFormat();
    private final UUID metric = UUID.fromString("5f1c0a46-5b0e-4c8e-9d3a-0f1b2c3d4e5f");

    @Test
    void roundTripsNanosecondTimestampsAndNonFiniteValues() {
        MeasureRecord record = new MeasureRecord(metric, List.of(new Measure(1_705_312_800_123_456_789L, 4.25),
                new Measure(1_705_312_801_000_000_000L, Double.NaN),
                new Measure(1_705_312_802_000_000_000L, Double.NEGATIVE_INFINITY)));

        assertThat(format.decode(format.encode(record))).isEqualTo(record);
    }

    @Test
    void roundTripsEveryDoubleBitForBit() {
        java.util.Random random = new java.util.Random(3);
        List<Measure> measures = new java.util.ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            double value = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // any exponent, subnormals too
                case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
                case 2 -> random.nextInt(1_000_000) / 100.0;
                default -> random.nextDouble();
            };
            measures.add(new Measure(random.nextLong(), value));
        }
        MeasureRecord record = new MeasureRecord(metric, measures);

        assertThat(format.decode(format.encode(record))).isEqualTo(record);
    }

    @Test
    void writesTheDocumentedVersionOneShape() {
        String json = new String(format.encode(new MeasureRecord(metric, List.of(new Measure(5, 1.5)))),
                StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"format_version\":1,\"metric_id\":\"" + metric + "\",\"measures\":[[5,1.5]]}");
    }

    @Test
    void skipsFieldsALaterVersionOneWriterAdds() {
        String json = "{\"format_version\":1,\"source\":{\"api\":\"x\"},\"metric_id\":\"" + metric
                + "\",\"measures\":[[5,2]]}";

        assertThat(format.decode(json.getBytes(StandardCharsets.UTF_8)).measures()).containsExactly(new Measure(5, 2));
    }

    @Test
    void refusesWhatIsNotAVersionOneMeasuresRecord() {
        assertRefused("{\"format_version\":2,\"metric_id\":\"" + metric + "\",\"measures\":[]}",
                "unsupported format_version 2");
        assertRefused("{\"metric_id\":\"" + metric + "\",\"measures\":[]}", "lacks format_version");
        assertRefused("{\"format_version\":1,\"measures\":[]}", "lacks metric_id");
        assertRefused("{\"format_version\":1,\"metric_id\":\"nope\",\"measures\":[]}", "Invalid UUID");
        assertRefused("{\"format_version\":1,\"metric_id\":\"" + metric + "\",\"measures\":[[1,2,3]]}",
                "[timestamp, value] pair");
        assertRefused("{\"format_version\":1,\"metric_id\":\"" + metric + "\",\"measures\":[[1.5,2]]}",
                "unreadable");
        assertRefused("[1]", "not a JSON object");
        assertRefused("{\"format_version\":1,", "unreadable");
    }

    private void assertRefused(String json, String reason) {
        assertThatThrownBy(() -> format.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MeasureRecordFormat.MalformedRecordException.class)
                .hasMessageContaining(reason);
    }
}
