package io.meterflow.collector.ingest;

import io.meterflow.collector.meter.MeterDefinitions;
import io.meterflow.collector.meter.PollingSamples;
import io.meterflow.collector.notification.EnvelopeParser;
import io.meterflow.collector.notification.MalformedNotificationException;
import io.meterflow.collector.notification.Notification;
import io.meterflow.collector.notification.NovaFormat;
import io.meterflow.collector.notification.NovaTwins;
import io.meterflow.collector.notification.VersionedNova;
import io.meterflow.collector.project.ProjectLifecycle;
import io.meterflow.collector.resource.ResourceLifecycle;
import io.meterflow.wire.ProjectEvent;
import io.meterflow.wire.ResourceEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One message body in, one {@link Outcome} out: the single code path of the live consumer and of
 * {@code replay}. Pure computation apart from the in-memory ledger and twin memory; publishing and
 * acknowledging are the caller's.
 */
public final class NotificationProcessor {

    /** Ceilometer's sample endpoint listens to these priorities only. */
    private static final Set<String> METERED_PRIORITIES = Set.of("info", "sample");

    private final EnvelopeParser parser;
    private final MeterDefinitions definitions;
    private final ResourceLifecycle lifecycle;
    private final NovaFormat novaFormat;
    private final NovaTwins twins;
    private final MessageLedger ledger;
    private final boolean deadLetterUnmatched;

    public NotificationProcessor(
            EnvelopeParser parser,
            MeterDefinitions definitions,
            ResourceLifecycle lifecycle,
            NovaFormat novaFormat,
            NovaTwins twins,
            MessageLedger ledger,
            boolean deadLetterUnmatched) {
        this.parser = parser;
        this.definitions = definitions;
        this.lifecycle = lifecycle;
        this.novaFormat = novaFormat;
        this.twins = twins;
        this.ledger = ledger;
        this.deadLetterUnmatched = deadLetterUnmatched;
    }

    public Outcome process(byte[] body) {
        Notification notification;
        try {
            notification = parser.parse(body);
        } catch (MalformedNotificationException e) {
            return new Outcome.DeadLetter(null, "malformed: " + e.getMessage());
        }
        String id = notification.messageId();
        if (ledger.isDone(id)) {
            return new Outcome.Skipped(id, "message_id already published");
        }
        if (!METERED_PRIORITIES.contains(notification.priority())) {
            return new Outcome.Skipped(id, "priority " + notification.priority() + " is not metered");
        }
        if (PollingSamples.EVENT_TYPE.equals(notification.eventType())) {
            MeterDefinitions.Samples polled = PollingSamples.of(notification);
            return new Outcome.Metered(id, notification.timestamp(), polled.samples(), List.of(), polled.dropped());
        }
        if (ProjectLifecycle.concerns(notification)) {
            return project(notification);
        }
        boolean versioned = VersionedNova.isVersionedInstance(notification);
        if (versioned && novaFormat == NovaFormat.LEGACY) {
            return new Outcome.Skipped(id, "versioned Nova notification, novaFormat is legacy");
        }
        if (!versioned && novaFormat == NovaFormat.VERSIONED && VersionedNova.isLegacyInstance(notification)) {
            return new Outcome.Skipped(id, "legacy Nova notification, novaFormat is versioned");
        }
        String idBase = id;
        if (versioned || VersionedNova.isLegacyInstance(notification)) {
            // Twins must give the same sample ids, whichever of them arrives first.
            String instanceId = versioned
                    ? VersionedNova.instanceId(notification)
                    : notification.payload().path("instance_id").asText();
            String eventType =
                    versioned ? VersionedNova.legacyEventType(notification.eventType()) : notification.eventType();
            idBase = "nova|" + instanceId + "|" + eventType + "|" + notification.timestamp();
            // Asked before a versioned message is converted: as the second twin, it is not converted at all.
            if (novaFormat == NovaFormat.BOTH && !twins.first(instanceId, eventType, notification.timestamp(), id)) {
                return new Outcome.Skipped(id, "twin of a Nova event already metered");
            }
        }
        if (versioned) {
            notification = VersionedNova.toLegacy(notification);
        }
        MeterDefinitions.Samples samples = definitions.samples(notification, idBase);
        List<ResourceEvent> events = lifecycle.eventOf(notification).stream().toList();
        if (!samples.matched() && events.isEmpty()) {
            String reason = "no meter definition matches event_type " + notification.eventType();
            return deadLetterUnmatched ? new Outcome.DeadLetter(id, reason) : new Outcome.Skipped(id, reason);
        }
        return new Outcome.Metered(id, notification.timestamp(), samples.samples(), events, samples.dropped());
    }

    /** Keystone's project notifications: a project event, plus samples if a meter definition asks. */
    private Outcome project(Notification notification) {
        String id = notification.messageId();
        Optional<ProjectEvent> event;
        try {
            event = ProjectLifecycle.eventOf(notification);
        } catch (MalformedNotificationException e) {
            return new Outcome.DeadLetter(id, "malformed: " + e.getMessage());
        }
        MeterDefinitions.Samples samples = definitions.samples(notification, id);
        if (event.isEmpty() && !samples.matched()) {
            String reason = "no meter definition matches event_type " + notification.eventType();
            return deadLetterUnmatched ? new Outcome.DeadLetter(id, reason) : new Outcome.Skipped(id, reason);
        }
        return new Outcome.Metered(
                id,
                notification.timestamp(),
                samples.samples(),
                List.of(),
                samples.dropped(),
                event.stream().toList());
    }

    /** Called once the outcome is safe (published, dead-lettered or deliberately skipped). */
    public void done(String messageId) {
        ledger.markDone(messageId);
    }
}
