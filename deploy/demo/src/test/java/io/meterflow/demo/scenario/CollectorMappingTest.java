package io.meterflow.demo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.collector.ingest.MessageLedger;
import io.meterflow.collector.ingest.NotificationProcessor;
import io.meterflow.collector.ingest.Outcome;
import io.meterflow.collector.meter.DefaultMeterDefinitions;
import io.meterflow.collector.meter.MeterDefinitionLoader;
import io.meterflow.collector.notification.EnvelopeParser;
import io.meterflow.collector.notification.NovaFormat;
import io.meterflow.collector.notification.NovaTwins;
import io.meterflow.collector.resource.ResourceLifecycle;
import io.meterflow.wire.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every notification of a day and a half of the demo cloud, through the collector's own processing
 * path (NotificationProcessor, the one {@code collector replay} and the live consumer use) with its
 * built-in meter definitions: each is metered, and the meters the demo rates come out for the
 * right projects.
 */
class CollectorMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant ORIGIN = Instant.parse("2026-12-06T18:00:00Z");

    private NotificationProcessor processor;
    private List<OsloMessage> messages;

    @BeforeEach
    void setUp() {
        MeterDefinitionLoader.Result definitions =
                new MeterDefinitionLoader(JSON).load(List.of(DefaultMeterDefinitions.builtIn()));
        assertThat(definitions.problems()).isEmpty();
        processor = new NotificationProcessor(
                new EnvelopeParser(JSON),
                definitions.definitions(),
                new ResourceLifecycle(),
                NovaFormat.BOTH,
                new NovaTwins(100_000),
                new MessageLedger(100_000),
                true);
        messages =
                new CloudScenario(ORIGIN, DemoCatalog.plans(), JSON).between(ORIGIN, ORIGIN.plus(Duration.ofHours(36)));
    }

    @Test
    void everyNotificationIsMeteredForItsDemoProject() {
        Set<String> demoProjects =
                DemoCatalog.PROJECTS.stream().map(DemoProject::id).collect(Collectors.toSet());
        Map<String, String> projectOfResource = projectOfResource();
        List<String> unmetered = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (OsloMessage message : messages) {
            Outcome outcome = processor.process(message.envelope(JSON));
            if (outcome instanceof Outcome.Metered metered && !metered.samples().isEmpty()) {
                samples.addAll(metered.samples());
                processor.done(message.messageId());
            } else {
                unmetered.add(message.eventType() + ": " + outcome);
            }
        }
        assertThat(unmetered).isEmpty();
        assertThat(samples).allSatisfy(sample -> {
            assertThat(demoProjects).contains(sample.projectId());
            assertThat(sample.projectId()).isEqualTo(projectOfResource.get(sample.resourceId()));
        });
    }

    @Test
    void eachEventTypeGivesTheMetersTheDemoRates() {
        Map<String, Set<String>> metersByEvent = new HashMap<>();
        for (OsloMessage message : messages) {
            if (processor.process(message.envelope(JSON)) instanceof Outcome.Metered metered) {
                metersByEvent
                        .computeIfAbsent(eventKey(message), k -> new HashSet<>())
                        .addAll(metered.samples().stream().map(Sample::name).toList());
            }
        }
        assertThat(metersByEvent.keySet())
                .containsExactlyInAnyOrder(
                        "compute.instance.create.end",
                        "compute.instance.exists",
                        "compute.instance.resize.confirm.end",
                        "compute.instance.delete.end",
                        "volume.create.end",
                        "volume.exists",
                        "volume.resize.end",
                        "volume.delete.end",
                        "image.upload",
                        "image.update",
                        "image.delete",
                        "telemetry.polling:image.size",
                        "telemetry.polling:ip.floating");
        for (String event : List.of(
                "compute.instance.create.end",
                "compute.instance.exists",
                "compute.instance.resize.confirm.end",
                "compute.instance.delete.end")) {
            assertThat(metersByEvent.get(event)).as(event).contains("vcpus", "memory");
        }
        for (String event : List.of("volume.create.end", "volume.exists", "volume.resize.end", "volume.delete.end")) {
            assertThat(metersByEvent.get(event)).as(event).contains("volume.size");
        }
        for (String event : List.of("image.upload", "image.update", "image.delete", "telemetry.polling:image.size")) {
            assertThat(metersByEvent.get(event)).as(event).contains("image.size");
        }
        assertThat(metersByEvent.get("telemetry.polling:ip.floating")).containsExactly("ip.floating");
    }

    @Test
    void resizedInstancesCarryTheirNewFlavor() {
        List<String> flavors = new ArrayList<>();
        for (OsloMessage message : messages) {
            if (message.eventType().equals("compute.instance.resize.confirm.end")
                    && processor.process(message.envelope(JSON)) instanceof Outcome.Metered metered) {
                metered.samples().stream()
                        .filter(s -> s.name().equals("vcpus"))
                        .forEach(s -> flavors.add(
                                s.resourceMetadata().path("flavor_name").asText()));
            }
        }
        assertThat(flavors).contains("m1.xlarge", "m1.large", "m1.medium");
    }

    private static String eventKey(OsloMessage message) {
        if (!message.eventType().equals("telemetry.polling")) {
            return message.eventType();
        }
        return "telemetry.polling:"
                + message.message()
                        .path("payload")
                        .path("samples")
                        .path(0)
                        .path("counter_name")
                        .asText();
    }

    private Map<String, String> projectOfResource() {
        Map<String, String> projects = new HashMap<>();
        for (ResourcePlan plan : DemoCatalog.plans()) {
            for (Schedule.Life life : plan.schedule().livesBetween(ORIGIN, ORIGIN, ORIGIN.plus(Duration.ofHours(36)))) {
                projects.put(plan.resourceId(life.index()), plan.project().id());
            }
        }
        return projects;
    }
}
