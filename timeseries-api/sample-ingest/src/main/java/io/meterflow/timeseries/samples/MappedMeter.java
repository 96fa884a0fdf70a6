package io.meterflow.timeseries.samples;

import java.util.Objects;

/**
 * What the mapping says of one meter: the resource (type and attributes) its samples describe,
 * and the archive policy its metric gets, or null when the archive policy rules decide.
 */
record MappedMeter(ResourceMapping resource, String archivePolicyName) {

    MappedMeter {
        Objects.requireNonNull(resource, "resource");
    }
}
