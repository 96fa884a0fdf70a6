package io.meterflow.collector.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import io.meterflow.collector.meter.path.JsonPath;
import io.meterflow.collector.notification.CeilometerTime;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One attribute of a meter definition: a constant ({@code volume: 1}) or a JSONPath, optionally
 * through Ceilometer's {@code timedelta} plugin (absolute seconds between exactly two timestamps).
 */
sealed interface Field {

    /** The first non-null value, or {@code null}: what a non-lookup definition uses. */
    JsonNode first(JsonNode document);

    /** Every value, nulls included: what a {@code lookup} definition pairs up. */
    List<JsonNode> all(JsonNode document);

    record Constant(JsonNode value) implements Field {
        @Override
        public JsonNode first(JsonNode document) {
            return value;
        }

        @Override
        public List<JsonNode> all(JsonNode document) {
            return List.of(value);
        }
    }

    record Path(JsonPath path, boolean timedelta) implements Field {
        @Override
        public JsonNode first(JsonNode document) {
            for (JsonNode value : values(document, false)) {
                if (!value.isNull()) {
                    return value;
                }
            }
            return null;
        }

        @Override
        public List<JsonNode> all(JsonNode document) {
            return values(document, true);
        }

        private List<JsonNode> values(JsonNode document, boolean keepNulls) {
            List<JsonNode> found = path.find(document);
            if (!timedelta) {
                return found;
            }
            List<JsonNode> present = new ArrayList<>();
            for (JsonNode value : found) {
                if (keepNulls || !value.isNull()) {
                    present.add(value);
                }
            }
            return secondsBetween(present)
                    .map(s -> List.<JsonNode>of(DoubleNode.valueOf(s)))
                    .orElse(List.of());
        }

        private static Optional<Double> secondsBetween(List<JsonNode> values) {
            if (values.size() != 2) {
                return Optional.empty();
            }
            Optional<OffsetDateTime> start = CeilometerTime.parse(values.get(0).asText(null));
            Optional<OffsetDateTime> end = CeilometerTime.parse(values.get(1).asText(null));
            if (start.isEmpty() || end.isEmpty()) {
                return Optional.empty();
            }
            Duration between = Duration.between(start.get(), end.get()).abs();
            long micros = between.getSeconds() * 1_000_000L + between.getNano() / 1000;
            return Optional.of(micros / 1e6);
        }
    }
}
