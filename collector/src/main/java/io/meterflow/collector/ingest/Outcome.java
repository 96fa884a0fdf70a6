package io.meterflow.collector.ingest;

import io.meterflow.wire.ProjectEvent;
import io.meterflow.wire.ResourceEvent;
import io.meterflow.wire.Sample;
import java.util.List;

/** What becomes of one delivered message. Every kind is acknowledged only once it is safe. */
public sealed interface Outcome {

    /**
     * Samples, resource events and project events to publish; acknowledged once Kafka has them all.
     *
     * @param sentAt the notification's own timestamp, for the lag metric
     */
    record Metered(
            String messageId,
            String sentAt,
            List<Sample> samples,
            List<ResourceEvent> resourceEvents,
            List<String> droppedSamples,
            List<ProjectEvent> projectEvents)
            implements Outcome {
        public Metered {
            samples = List.copyOf(samples);
            resourceEvents = List.copyOf(resourceEvents);
            droppedSamples = List.copyOf(droppedSamples);
            projectEvents = List.copyOf(projectEvents);
        }

        /** Samples and resource events only: every notification but Keystone's project ones. */
        public Metered(
                String messageId,
                String sentAt,
                List<Sample> samples,
                List<ResourceEvent> resourceEvents,
                List<String> droppedSamples) {
            this(messageId, sentAt, samples, resourceEvents, droppedSamples, List.of());
        }
    }

    /**
     * Nothing to publish, on purpose: a priority Ceilometer ignores, the twin of an event already
     * metered, a message id already published, the Nova format not metered.
     */
    record Skipped(String messageId, String reason) implements Outcome {}

    /** Unusable or unmatched; goes to the dead-letter queue with the reason in a header. */
    record DeadLetter(String messageId, String reason) implements Outcome {}
}
