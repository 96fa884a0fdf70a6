package io.meterflow.collector.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * What the golden comparison compares: everything but ids and metadata. Volumes compare as
 * numbers (Ceilometer's 0 and 0.0 are the same quantity).
 */
record SampleKey(
        String name,
        String type,
        String unit,
        BigDecimal volume,
        String userId,
        String projectId,
        String resourceId,
        String timestamp) {

    static SampleKey of(JsonNode sample) {
        return new SampleKey(
                text(sample, "name"),
                text(sample, "type"),
                text(sample, "unit"),
                new BigDecimal(sample.get("volume").asText()).stripTrailingZeros(),
                text(sample, "user_id"),
                text(sample, "project_id"),
                text(sample, "resource_id"),
                text(sample, "timestamp"));
    }

    SampleKey withName(String newName) {
        return new SampleKey(newName, type, unit, volume, userId, projectId, resourceId, timestamp);
    }

    SampleKey withIds(String newUserId, String newProjectId) {
        return new SampleKey(name, type, unit, volume, newUserId, newProjectId, resourceId, timestamp);
    }

    SampleKey withResource(String newResourceId, String newTimestamp) {
        return new SampleKey(name, type, unit, volume, userId, projectId, newResourceId, newTimestamp);
    }

    SampleKey withVolume(BigDecimal newVolume) {
        return new SampleKey(name, type, unit, newVolume, userId, projectId, resourceId, timestamp);
    }

    @Override
    public String toString() {
        return name + " " + type + " " + unit + " " + volume.toPlainString() + " user=" + userId + " project="
                + projectId + " resource=" + resourceId + " at " + timestamp;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
