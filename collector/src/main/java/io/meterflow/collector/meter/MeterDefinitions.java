package io.meterflow.collector.meter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.collector.notification.Notification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The loaded meter definitions. Every definition whose event types match fires, so one
 * notification can give several samples, as in Ceilometer.
 */
public final class MeterDefinitions {

    private final List<MeterDefinition> definitions;

    MeterDefinitions(List<MeterDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public int size() {
        return definitions.size();
    }

    public boolean matchesAny(String eventType) {
        return definitions.stream().anyMatch(d -> d.matches(eventType));
    }

    public Samples samples(Notification notification) {
        return samples(notification, notification.messageId());
    }

    /**
     * The samples of a notification, with ids derived from {@code idBase} (its message id, or for
     * Nova the event itself, shared by both format twins) and their position, so a redelivery or
     * the other twin yields the very same ids.
     */
    public Samples samples(Notification notification, String idBase) {
        ObjectNode document = notification.document();
        List<Sample> samples = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        boolean matched = false;
        for (MeterDefinition definition : definitions) {
            if (definition.matches(notification.eventType())) {
                matched = true;
                new SampleBuilder(definition, notification, document).build(samples, dropped);
            }
        }
        List<Sample> withIds = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            withIds.add(samples.get(i).withId(sampleId(idBase, i)));
        }
        return new Samples(matched, withIds, dropped);
    }

    static String sampleId(String messageId, int index) {
        return UUID.nameUUIDFromBytes((messageId + "#" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * @param matched whether any definition matched the event type
     * @param dropped why a matching definition gave no sample (e.g. no volume), one line each
     */
    public record Samples(boolean matched, List<Sample> samples, List<String> dropped) {
        public Samples {
            samples = List.copyOf(samples);
            dropped = List.copyOf(dropped);
        }
    }
}
