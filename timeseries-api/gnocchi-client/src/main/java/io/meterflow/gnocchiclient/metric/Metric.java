package io.meterflow.gnocchiclient.metric;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A metric: one series of one kind of measurement, aggregated by its archive policy.
 *
 * @param id                Gnocchi's id
 * @param name              its name on its resource (e.g. {@code cpu}), or null for a metric without resource
 * @param unit              unit of its values (e.g. {@code ns}), or null
 * @param resourceId        the resource holding it, or null
 * @param archivePolicyName how it is aggregated and kept
 * @param creator           who created it ({@code user:project}, or a basic-auth user name)
 */
public record Metric(UUID id, String name, String unit, UUID resourceId, String archivePolicyName, String creator) {

    public Metric {
        Objects.requireNonNull(id, "id");
        if (archivePolicyName == null || archivePolicyName.isBlank()) {
            throw new IllegalArgumentException("metric " + id + " has no archive policy");
        }
    }

    public Optional<UUID> resource() {
        return Optional.ofNullable(resourceId);
    }
}
