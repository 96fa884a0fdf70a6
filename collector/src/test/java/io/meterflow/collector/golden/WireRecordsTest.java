package io.meterflow.collector.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.collector.ingest.MessageLedger;
import io.meterflow.collector.ingest.NotificationProcessor;
import io.meterflow.collector.ingest.Outcome;
import io.meterflow.collector.meter.DefaultMeterDefinitions;
import io.meterflow.collector.notification.EnvelopeParser;
import io.meterflow.collector.notification.NovaFormat;
import io.meterflow.collector.notification.NovaTwins;
import io.meterflow.collector.replay.RecordedMessage;
import io.meterflow.collector.resource.ResourceLifecycle;
import io.meterflow.wire.ResourceEventCodec;
import io.meterflow.wire.SampleCodec;
import io.meterflow.wire.WireFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The producer's half of the wire contract: for the first golden notifications, the collector
 * publishes exactly the records in the wire module's fixtures, which the time-series side's tests
 * read. Run with {@code -Dmeterflow.wire.regenerate=DIR} to write the records to DIR instead, after
 * a deliberate change of format (docs/wire-formats.md says how a format may change).
 */
class WireRecordsTest {

    @Test
    void theCollectorPublishesTheWireModulesGoldenRecords() throws IOException {
        List<String> samples = new ArrayList<>();
        List<String> events = new ArrayList<>();
        NotificationProcessor processor = new NotificationProcessor(
                new EnvelopeParser(GoldenStream.JSON),
                GoldenStream.load(DefaultMeterDefinitions.builtIn()),
                new ResourceLifecycle(),
                NovaFormat.BOTH,
                new NovaTwins(10_000),
                new MessageLedger(10_000),
                true);
        SampleCodec sampleCodec = new SampleCodec(GoldenStream.JSON);
        ResourceEventCodec eventCodec = new ResourceEventCodec(GoldenStream.JSON);
        for (String line :
                WireFixtures.lines(WireFixtures.GOLDEN_NOTIFICATIONS).subList(0, WireFixtures.RECORDED_NOTIFICATIONS)) {
            if (processor.process(RecordedMessage.parse(GoldenStream.JSON, line).body())
                    instanceof Outcome.Metered metered) {
                sampleCodec.encode(metered.samples()).forEach(v -> samples.add(new String(v, StandardCharsets.UTF_8)));
                metered.resourceEvents()
                        .forEach(e -> events.add(new String(eventCodec.encode(e), StandardCharsets.UTF_8)));
                processor.done(metered.messageId());
            }
        }

        String regenerate = System.getProperty("meterflow.wire.regenerate");
        if (regenerate != null) {
            Files.write(Path.of(regenerate, WireFixtures.SAMPLES), samples);
            Files.write(Path.of(regenerate, WireFixtures.RESOURCE_EVENTS), events);
            return;
        }
        assertThat(samples).containsExactlyElementsOf(WireFixtures.lines(WireFixtures.SAMPLES));
        assertThat(events).containsExactlyElementsOf(WireFixtures.lines(WireFixtures.RESOURCE_EVENTS));
    }
}
