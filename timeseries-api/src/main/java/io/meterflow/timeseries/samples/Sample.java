package io.meterflow.timeseries.samples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One sample of the collector's {@code meterflow.samples} topic, as far as the time-series store
 * needs it: which meter of which resource, its unit, and the measure ({@code eventTime} in
 * nanoseconds since the epoch, {@code volume}). {@code metadata} is the sample's
 * {@code resource_metadata}, where the resource's attributes come from.
 */
record Sample(String name, String unit, String resourceId, String userId, String projectId, long eventTime,
        double volume, JsonNode metadata) {

    Sample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(metadata, "metadata");
    }
}
