package io.meterflow.timeseries.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.timeseries.aggregation.Measure;
import io.meterflow.timeseries.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streamed batch reader answers as the tree reader does, or leaves the body to it. */
class StreamedBatchReaderTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS, true);
    private static final MeasuresParser PARSER =
            new MeasuresParser(new Timestamps(Clock.fixed(Instant.parse("2024-01-15T10:00:00Z"), ZoneOffset.UTC)));
    private final StreamedBatchReader reader = new StreamedBatchReader(JSON.getFactory());

    @Test
    void readsUsualBatchesExactlyAsTheTreeReaderDoes() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            StringBuilder body = new StringBuilder("{");
            int metrics = 1 + random.nextInt(5);
            List<String> ids = new ArrayList<>();
            for (int m = 0; m < metrics; m++) {
                String id = random.nextInt(8) == 0 && !ids.isEmpty()
                        ? ids.get(0)
                        : UUID.randomUUID().toString();
                ids.add(id);
                body.append(m == 0 ? "" : ",").append('"').append(id).append("\": [");
                int points = random.nextInt(6);
                for (int p = 0; p < points; p++) {
                    body.append(p == 0 ? "" : ",").append("{");
                    String value = switch (random.nextInt(5)) {
                        case 0 -> Integer.toString(random.nextInt(1000) - 500);
                        case 1 -> Double.toString(random.nextGaussian() * 1e6);
                        case 2 -> "1e300";
                        case 3 -> "NaN";
                        default -> Double.toString(random.nextDouble());
                    };
                    String timestamp = "\"timestamp\": \"2024-01-15T"
                            + String.format(
                                    "%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60))
                            + (random.nextBoolean() ? ".123456+02:00\"" : "\"");
                    if (random.nextBoolean()) {
                        body.append(timestamp).append(", \"value\": ").append(value);
                    } else {
                        body.append("\"value\": ").append(value).append(", ").append(timestamp);
                    }
                    if (random.nextInt(4) == 0) {
                        body.append(", \"unit\": {\"nested\": [1, 2]}");
                    }
                    body.append("}");
                }
                body.append("]");
            }
            body.append("}");
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            Optional<Map<String, StreamedBatchReader.RawMeasures>> streamed = reader.read(bytes);
            assertThat(streamed).as(body.toString()).isPresent();
            assertThat(measures(streamed.get())).as(body.toString()).isEqualTo(treeMeasures(JSON.readTree(bytes)));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{\"a\": {}}",
                "{\"a\": [1]}",
                "{\"a\": [{\"timestamp\": 1404000000, \"value\": 1}]}",
                "{\"a\": [{\"timestamp\": \"2024-01-15T10:00:00\", \"value\": \"3.5\"}]}",
                "{\"a\": [{\"timestamp\": \"2024-01-15T10:00:00\", \"value\": true}]}",
                "{\"a\": [{\"timestamp\": \"2024-01-15T10:00:00\", \"value\": null}]}",
                "{\"a\": [{\"timestamp\": \"2024-01-15T10:00:00\"}]}",
                "{\"a\": [{\"value\": 1}]}",
                "{\"a\": [{\"timestamp\": \"2024-01-15T10:00:00\", \"value\": 1}",
                "{\"a\": []} trailing",
                "{\"a\": [] "
            })
    void leavesUnusualBodiesToTheTreeReader(String body) {
        assertThat(reader.read(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private static Map<String, List<Measure>> measures(Map<String, StreamedBatchReader.RawMeasures> batch) {
        Map<String, List<Measure>> result = new LinkedHashMap<>();
        batch.forEach((id, raw) -> result.put(id, PARSER.parse(raw.timestamps(), raw.values(), List.of(id))));
        return result;
    }

    private static Map<String, List<Measure>> treeMeasures(JsonNode json) {
        Map<String, List<Measure>> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = json.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            result.put(entry.getKey(), PARSER.parse(entry.getValue(), List.of(entry.getKey())));
        }
        return result;
    }
}
