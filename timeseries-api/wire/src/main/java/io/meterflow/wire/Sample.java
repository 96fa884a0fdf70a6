package io.meterflow.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One measurement on {@link Topics#SAMPLES}, with Ceilometer's fields and meanings.
 *
 * @param id stable for a given notification and position in it, so a redelivered notification
 *     yields the same ids and consumers can drop repeats
 * @param volume a JSON number, integer or float as the source gave it
 * @param timestamp the event time in Ceilometer's text form ({@code 2024-01-15T10:00:00.707221+00:00});
 *     kept as text because polled samples carry theirs unchanged and consumers parse it their way
 * @param resourceMetadata what the source said of the resource; never null on a decoded sample
 * @param messageId the notification it came from
 */
public record Sample(
        String id,
        String name,
        String type,
        String unit,
        JsonNode volume,
        String userId,
        String projectId,
        String resourceId,
        String timestamp,
        ObjectNode resourceMetadata,
        String source,
        String messageId) {

    public Sample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(volume, "volume");
        if (!volume.isNumber()) {
            throw new IllegalArgumentException("volume must be a number, not " + volume);
        }
    }

    public Sample withId(String newId) {
        return new Sample(
                newId,
                name,
                type,
                unit,
                volume,
                userId,
                projectId,
                resourceId,
                timestamp,
                resourceMetadata,
                source,
                messageId);
    }
}
