package io.meterflow.timeseries.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;

/**
 * A validated resource body. {@code generic} holds the generic fields given ({@code started_at},
 * {@code ended_at} as Instants, {@code user_id}, {@code project_id}; a key maps to null when the
 * body set it to null); {@code attributes} the type attributes given, normalised; {@code metrics}
 * is null when the body has no {@code metrics}.
 */
public record ResourceRequest(
        String originalId,
        UUID id,
        Map<String, Object> generic,
        ObjectNode attributes,
        Map<String, MetricLink> metrics) {

    /** A metric to attach: an existing one by id, or a new one with a policy (or the rules') and unit. */
    public record MetricLink(UUID existing, String archivePolicyName, String unit) {}

    public boolean isEmpty() {
        return generic.isEmpty() && attributes.isEmpty() && metrics == null;
    }
}
