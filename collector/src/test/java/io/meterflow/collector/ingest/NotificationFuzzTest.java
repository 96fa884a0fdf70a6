package io.meterflow.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.collector.meter.DefaultMeterDefinitions;
import io.meterflow.collector.meter.MeterDefinitionLoader;
import io.meterflow.collector.meter.MeterDefinitions;
import io.meterflow.collector.notification.EnvelopeParser;
import io.meterflow.collector.notification.NovaFormat;
import io.meterflow.collector.notification.NovaTwins;
import io.meterflow.collector.replay.RecordedMessage;
import io.meterflow.collector.resource.ResourceLifecycle;
import io.meterflow.testsupport.fuzz.FuzzRun;
import io.meterflow.testsupport.fuzz.JsonFuzz;
import io.meterflow.wire.ResourceEventCodec;
import io.meterflow.wire.SampleCodec;
import io.meterflow.wire.WireFixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Damaged and hostile notifications through the whole processing path, from the oslo envelope to
 * the bytes the publisher sends: whatever arrives, the processor answers an outcome (metered,
 * skipped or dead-lettered) and what it meters encodes. An exception here would stop a consumer
 * thread on a poison message. The inputs are the golden stream's real notifications, mutated.
 */
class NotificationFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyBodyGetsAnOutcomeAndWhatIsMeteredEncodes() throws Exception {
        List<JsonNode> golden = new ArrayList<>();
        for (String line : WireFixtures.lines(WireFixtures.GOLDEN_NOTIFICATIONS)) {
            golden.add(JSON.readTree(RecordedMessage.parse(JSON, line).body()));
        }
        MeterDefinitions definitions = new MeterDefinitionLoader(JSON)
                .load(DefaultMeterDefinitions.sources(List.of()))
                .definitions();
        SampleCodec samples = new SampleCodec(JSON);
        ResourceEventCodec events = new ResourceEventCodec(JSON);
        long[] outcomes = new long[3];

        FuzzRun.Report report = FuzzRun.run("collector: oslo envelopes and notifications", random -> {
            // A processor per input: its ledger would skip a mutation of a message id already seen.
            NotificationProcessor processor = new NotificationProcessor(
                    new EnvelopeParser(JSON),
                    definitions,
                    new ResourceLifecycle(),
                    NovaFormat.BOTH,
                    new NovaTwins(16),
                    new MessageLedger(16),
                    true);
            byte[] body = damaged(golden.get(random.nextInt(golden.size())), random);
            Outcome outcome = processor.process(body);
            if (outcome instanceof Outcome.Metered metered) {
                samples.encode(metered.samples());
                metered.resourceEvents().forEach(events::encode);
                outcomes[0]++;
            } else if (outcome instanceof Outcome.Skipped) {
                outcomes[1]++;
            } else {
                outcomes[2]++;
            }
        });

        System.out.printf("[fuzz] metered %d, skipped %d, dead-lettered %d%n", outcomes[0], outcomes[1], outcomes[2]);
        assertThat(report.inputs()).isPositive();
        assertThat(outcomes[0])
                .as("some mutations still meter: the fuzzing reaches the meters")
                .isPositive();
    }

    /** The envelope, the message inside it, or the bytes, damaged. */
    private static byte[] damaged(JsonNode envelope, Random random) throws Exception {
        switch (random.nextInt(6)) {
            case 0:
                return JsonFuzz.mutate(envelope, random).toString().getBytes(StandardCharsets.UTF_8);
            case 1:
                return JsonFuzz.damage(envelope.toString(), random).getBytes(StandardCharsets.UTF_8);
            case 2:
                return JsonFuzz.value(random, 3).toString().getBytes(StandardCharsets.UTF_8);
            default:
                JsonNode message = envelope.has("oslo.message")
                        ? JSON.readTree(envelope.get("oslo.message").asText())
                        : envelope;
                JsonNode mutated = JsonFuzz.mutate(message, random);
                if (mutated instanceof ObjectNode object && random.nextBoolean()) {
                    object.put("message_id", UUID.randomUUID().toString());
                }
                ObjectNode outer = JSON.createObjectNode();
                outer.put("oslo.version", "2.0");
                outer.put("oslo.message", mutated.toString());
                return outer.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
