package io.meterflow.collector.meter;

import io.meterflow.collector.notification.Notification;
import io.meterflow.wire.Sample;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded meter definitions. Every definition whose event types match fires, so one
 * notification can give several samples, as in Ceilometer.
 */
public final class MeterDefinitions {

    /** Services send a few dozen event types; a flood of made-up ones is matched without memo. */
    private static final int MEMO_LIMIT = 4096;

    private final List<MeterDefinition> definitions;
    /**
     * The definitions each event type matches. Testing every definition's patterns on every
     * notification was the largest single cost of matching (a regular expression each).
     */
    private final Map<String, List<MeterDefinition>> byEventType = new ConcurrentHashMap<>();

    MeterDefinitions(List<MeterDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public int size() {
        return definitions.size();
    }

    public boolean matchesAny(String eventType) {
        return !matching(eventType).isEmpty();
    }

    private List<MeterDefinition> matching(String eventType) {
        List<MeterDefinition> memo = byEventType.get(eventType);
        if (memo != null) {
            return memo;
        }
        List<MeterDefinition> matching =
                definitions.stream().filter(d -> d.matches(eventType)).toList();
        if (byEventType.size() < MEMO_LIMIT) {
            byEventType.put(eventType, matching);
        }
        return matching;
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
        Evaluation evaluation = new Evaluation(notification);
        List<Sample> samples = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<MeterDefinition> matching = matching(notification.eventType());
        for (MeterDefinition definition : matching) {
            new SampleBuilder(definition, evaluation).build(samples, dropped);
        }
        List<Sample> withIds = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            withIds.add(samples.get(i).withId(sampleId(idBase, i)));
        }
        return new Samples(!matching.isEmpty(), withIds, dropped);
    }

    static String sampleId(String messageId, int index) {
        return UUID.nameUUIDFromBytes((messageId + "#" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
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
