package io.meterflow.demo.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CloudScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant ORIGIN = Instant.parse("2026-12-06T18:00:00Z");
    private static final Instant END = ORIGIN.plus(Duration.ofHours(30));
    /** Hourly audits before, every ten minutes after: every test covers both. */
    private static final Instant DETAILED_FROM = ORIGIN.plus(Duration.ofHours(18));

    private final CloudScenario scenario = new CloudScenario(ORIGIN, DETAILED_FROM, DemoCatalog.plans(), JSON);

    @Test
    void aWindowSentInPiecesGivesTheSameMessagesAsAtOnce() {
        List<String> whole = ids(scenario.between(ORIGIN, END));
        List<String> pieces = new ArrayList<>();
        for (Instant from = ORIGIN; from.isBefore(END); from = from.plus(Duration.ofMinutes(7))) {
            Instant to = from.plus(Duration.ofMinutes(7)).isBefore(END) ? from.plus(Duration.ofMinutes(7)) : END;
            pieces.addAll(ids(scenario.between(from, to)));
        }
        assertThat(pieces).isEqualTo(whole);
        assertThat(new HashSet<>(whole)).hasSameSizeAs(whole);
    }

    @Test
    void anotherScenarioOfTheSameOriginSendsTheSameMessages() {
        CloudScenario again = new CloudScenario(ORIGIN, DETAILED_FROM, DemoCatalog.plans(), JSON);
        List<OsloMessage> first = scenario.between(ORIGIN, ORIGIN.plus(Duration.ofHours(2)));
        List<OsloMessage> second = again.between(ORIGIN, ORIGIN.plus(Duration.ofHours(2)));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void everyResourceAliveForAWholeHourHasMessagesInThatHour() {
        for (Instant start = ORIGIN.plus(Duration.ofHours(1));
                start.isBefore(END);
                start = start.plus(Duration.ofHours(1))) {
            Instant hour = start;
            Set<String> seen = new HashSet<>();
            scenario.between(hour, hour.plus(Duration.ofHours(1))).forEach(m -> seen.add(m.resourceId()));
            for (ResourcePlan plan : DemoCatalog.plans()) {
                for (Schedule.Life life : plan.schedule().livesBetween(ORIGIN, hour, hour.plus(Duration.ofHours(1)))) {
                    boolean wholeHour = !life.created().isAfter(hour)
                            && life.deleted()
                                    .map(d -> !d.isBefore(hour.plus(Duration.ofHours(1))))
                                    .orElse(true);
                    if (wholeHour) {
                        assertThat(seen).as(plan.name() + " in " + hour).contains(plan.resourceId(life.index()));
                    }
                }
            }
        }
    }

    @Test
    void theHistoryBeforeItsDetailedHoursHasOneAuditPerResourceAndHour() {
        CloudScenario detailedThroughout = new CloudScenario(ORIGIN, DemoCatalog.plans(), JSON);
        for (Instant start = ORIGIN; start.isBefore(DETAILED_FROM); start = start.plus(Duration.ofHours(1))) {
            Instant hour = start;
            Instant end = hour.plus(Duration.ofHours(1));
            Map<String, Integer> sparse = audits(scenario.between(hour, end));
            Map<String, Integer> detailed = audits(detailedThroughout.between(hour, end));
            assertThat(sparse.values()).as("at %s", hour).containsOnly(1);
            detailed.forEach((resource, count) -> {
                if (count == 6) { // alive all hour
                    assertThat(sparse).as("%s at %s", resource, hour).containsEntry(resource, 1);
                }
            });
        }
        assertThat(ids(scenario.between(DETAILED_FROM, END)))
                .as("from then on as detailed as the live activity")
                .isEqualTo(ids(detailedThroughout.between(DETAILED_FROM, END)));
    }

    /** Per resource, how many audits or polled samples it sent. */
    private static Map<String, Integer> audits(List<OsloMessage> messages) {
        Map<String, Integer> counts = new HashMap<>();
        for (OsloMessage message : messages) {
            if (message.eventType().endsWith(".exists") || message.eventType().equals("telemetry.polling")) {
                counts.merge(message.resourceId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void nothingIsSentForAResourceAfterItsDeletion() {
        Map<String, Instant> deletedAt = new HashMap<>();
        for (OsloMessage message : scenario.between(ORIGIN, END)) {
            assertThat(deletedAt)
                    .as(message.eventType() + " " + message.resourceId())
                    .doesNotContainKey(message.resourceId());
            if (message.eventType().endsWith("delete.end")
                    || message.eventType().equals("image.delete")) {
                deletedAt.put(message.resourceId(), message.eventTime());
            }
        }
        assertThat(deletedAt).isNotEmpty();
    }

    @Test
    void everyProjectCreatesResizesAndDeletes() {
        Set<String> events = new HashSet<>();
        scenario.between(ORIGIN, END).forEach(m -> events.add(m.eventType()));
        assertThat(events)
                .contains(
                        "compute.instance.create.end",
                        "compute.instance.resize.confirm.end",
                        "compute.instance.delete.end",
                        "volume.resize.end",
                        "volume.delete.end",
                        "image.upload",
                        "image.delete",
                        "telemetry.polling");
    }

    @Test
    void theEnvelopeIsOslosVersionTwo() throws Exception {
        OsloMessage message =
                scenario.between(ORIGIN, ORIGIN.plus(Duration.ofMinutes(5))).get(0);
        var envelope = JSON.readTree(message.envelope(JSON));
        assertThat(envelope.path("oslo.version").asText()).isEqualTo("2.0");
        var inner = JSON.readTree(envelope.path("oslo.message").asText());
        assertThat(inner.path("message_id").asText()).isEqualTo(message.messageId());
        assertThat(inner.path("priority").asText()).isIn("INFO", "SAMPLE");
        assertThat(inner.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
    }

    @Test
    void theSteadyInstancesAreAliveAtAnyLaterTime() {
        Instant later = ORIGIN.plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);
        List<String> names = scenario.instancesAt(later).stream()
                .filter(i -> i.plan().schedule().every().isEmpty())
                .map(CloudScenario.LiveInstance::displayName)
                .toList();
        assertThat(names).contains("acme-web-1", "acme-db-1", "globex-analytics-1", "hooli-cache");
    }

    private static List<String> ids(List<OsloMessage> messages) {
        return messages.stream().map(OsloMessage::messageId).toList();
    }
}
