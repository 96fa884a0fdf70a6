package io.meterflow.timeseries.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written reader must agree with the general one wherever it answers at all. */
class IsoTimestampsTest {

    private static final String[] SEPARATORS = {"T", " ", "", "t"};
    private static final String[] OFFSETS = {
        "",
        "Z",
        "z",
        "+00:00",
        "-00:00",
        "+05:30",
        "-08:00",
        "+0530",
        "-0800",
        "+05",
        "-11",
        "+17:59",
        "+18:00",
        "+5",
        "+05:3",
        "+05:30:00",
        "Z+01:00"
    };

    @Test
    void agreesWithTheGeneralReaderOnRandomTimestampsOfEveryShape() {
        Random random = new Random(20261125);
        int answeredByHand = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = randomTimestamp(random);
            long common = IsoTimestamps.parseCommon(text);
            Long general = IsoTimestamps.parseGeneral(text);
            if (common != IsoTimestamps.NOT_COMMON) {
                answeredByHand++;
                assertEquals(general, Long.valueOf(common), text);
            }
            assertEquals(general, IsoTimestamps.parse(text), text);
        }
        // A good share of the generated shapes are common ones: the fast path is really taken.
        org.junit.jupiter.api.Assertions.assertTrue(answeredByHand > 30_000, "answered by hand: " + answeredByHand);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-01-15T10:00:00.716362+00:00",
                "2024-01-15",
                "2024-01-15T10",
                "2024-01-15 10:05",
                "2024-02-29T00:00:00Z",
                "1970-01-01T00:00:00.000000001Z",
                "2024-01-15T10:00:00.123456789-03:30"
            })
    void readsTheCommonShapesByHand(String text) {
        long common = IsoTimestamps.parseCommon(text);
        assertEquals(IsoTimestamps.parseGeneral(text), Long.valueOf(common), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-02-29",
                "2024-13-01",
                "2024-01-15T24:00:00",
                "2024-01-15T10:60",
                "2024-01-15T10:00:60",
                "2024-01-15T10:00:00.",
                "2024-01-15T10:00:00.1234567890",
                "2024-1-15",
                "20240115",
                "2024-01-15X",
                "now",
                "",
                "2024-01-15T10:00:00+19:00",
                "0001-01-01T00:00:00",
                "9999-12-31T23:59:59"
            }) // the last two lie beyond a long of nanoseconds
    void leavesEverythingElseToTheGeneralReader(String text) {
        assertEquals(IsoTimestamps.NOT_COMMON, IsoTimestamps.parseCommon(text), text);
    }

    @Test
    void refusesWhatNeitherReads() {
        assertNull(IsoTimestamps.parse("yesterday"));
    }

    private static String randomTimestamp(Random random) {
        StringBuilder text = new StringBuilder();
        text.append(pad(random.nextInt(3) == 0 ? random.nextInt(10_000) : 1960 + random.nextInt(100), 4));
        text.append('-').append(pad(random.nextInt(14), 2)).append('-').append(pad(random.nextInt(33), 2));
        int precision = random.nextInt(6);
        if (precision > 0) {
            text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            text.append(pad(random.nextInt(26), 2));
        }
        if (precision > 1) {
            text.append(':').append(pad(random.nextInt(62), 2));
        }
        if (precision > 2) {
            text.append(':').append(pad(random.nextInt(62), 2));
        }
        if (precision > 3) {
            int digits = random.nextInt(11);
            text.append('.');
            for (int i = 0; i < digits; i++) {
                text.append(random.nextInt(10));
            }
        }
        text.append(OFFSETS[random.nextInt(OFFSETS.length)]);
        return random.nextInt(50) == 0 ? " " + text + " " : text.toString();
    }

    private static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
