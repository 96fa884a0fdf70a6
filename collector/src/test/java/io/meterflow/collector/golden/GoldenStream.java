package io.meterflow.collector.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.collector.ingest.MessageLedger;
import io.meterflow.collector.ingest.NotificationProcessor;
import io.meterflow.collector.ingest.Outcome;
import io.meterflow.collector.meter.MeterDefinitionLoader;
import io.meterflow.collector.meter.MeterDefinitions;
import io.meterflow.collector.notification.EnvelopeParser;
import io.meterflow.collector.notification.NovaFormat;
import io.meterflow.collector.notification.NovaTwins;
import io.meterflow.collector.replay.RecordedMessage;
import io.meterflow.collector.resource.ResourceLifecycle;
import io.meterflow.wire.WireFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The golden files, read once, and the collector's samples for (a part of) the golden input. */
final class GoldenStream {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One input line: its seq, the raw line, and the decoded oslo message. */
    record Input(int seq, String line, String routingKey, JsonNode message) {
        String eventType() {
            return message.path("event_type").asText();
        }

        JsonNode context(String key) {
            return message.get("_context_" + key);
        }
    }

    static List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        for (String line : WireFixtures.lines(WireFixtures.GOLDEN_NOTIFICATIONS)) {
            JsonNode node = read(line);
            JsonNode body = node.get("body");
            JsonNode message =
                    body.has("oslo.message") ? read(body.get("oslo.message").asText()) : body;
            inputs.add(new Input(
                    node.get("seq").asInt(), line, node.get("routing_key").asText(), message));
        }
        return inputs;
    }

    static Map<SampleKey, Integer> multiset(List<SampleKey> keys) {
        Map<SampleKey, Integer> counts = new HashMap<>();
        keys.forEach(k -> counts.merge(k, 1, Integer::sum));
        return counts;
    }

    static List<SampleKey> collectorSamples(
            MeterDefinitions definitions, NovaFormat format, List<Input> inputs, Predicate<Input> which) {
        NotificationProcessor processor = new NotificationProcessor(
                new EnvelopeParser(JSON),
                definitions,
                new ResourceLifecycle(),
                format,
                new NovaTwins(10_000),
                new MessageLedger(10_000),
                true);
        List<SampleKey> keys = new ArrayList<>();
        for (Input input : inputs) {
            if (!which.test(input)) {
                continue;
            }
            Outcome outcome;
            try {
                outcome = processor.process(
                        RecordedMessage.parse(JSON, input.line()).body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (outcome instanceof Outcome.Metered metered) {
                metered.samples()
                        .forEach(s -> keys.add(SampleKey.of(JSON.valueToTree(Map.of(
                                        "name", s.name(), "type", s.type(), "unit", s.unit(), "volume", s.volume())))
                                .withIds(s.userId(), s.projectId())
                                .withResource(s.resourceId(), s.timestamp())));
                processor.done(metered.messageId());
            }
        }
        return keys;
    }

    static MeterDefinitions load(MeterDefinitionLoader.Source source) {
        MeterDefinitionLoader.Result result = new MeterDefinitionLoader(JSON).load(List.of(source));
        if (!result.problems().isEmpty()) {
            throw new AssertionError("definitions did not load: " + result.problems());
        }
        return result.definitions();
    }

    static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private GoldenStream() {}
}
