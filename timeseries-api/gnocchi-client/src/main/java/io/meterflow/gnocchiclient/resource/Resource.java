package io.meterflow.gnocchiclient.resource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A resource as Gnocchi indexes it: what was metered (an instance, a volume...), whose it is, when
 * it existed, and its metrics. Ids of users and projects are Keystone's, kept as text.
 *
 * @param id                 Gnocchi's id (a UUID; non-UUID ids given at creation are transformed)
 * @param type               resource type name, e.g. {@code instance}
 * @param projectId          owning project, or null
 * @param userId             owning user, or null
 * @param originalResourceId the id given at creation, before any transformation
 * @param startedAt          when the resource began to exist
 * @param endedAt            when it ended, or null while it lives
 * @param revisionStart      start of this revision (null if the server did not send it)
 * @param revisionEnd        end of this revision, null for the current one
 * @param metrics            metric name → metric id
 * @param attributes         everything else: the type's attributes, {@code creator}, {@code created_by_*}
 */
public record Resource(
        UUID id,
        String type,
        String projectId,
        String userId,
        String originalResourceId,
        Instant startedAt,
        Instant endedAt,
        Instant revisionStart,
        Instant revisionEnd,
        Map<String, UUID> metrics,
        ObjectNode attributes) {

    public Resource {
        Objects.requireNonNull(id, "id");
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("resource " + id + " has no type");
        }
        metrics = Map.copyOf(metrics == null ? Map.of() : metrics);
        attributes = attributes == null ? JsonNodeFactory.instance.objectNode() : attributes.deepCopy();
    }

    /** A copy: the record stays immutable. */
    @Override
    public ObjectNode attributes() {
        return attributes.deepCopy();
    }

    public Optional<UUID> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** Whether the resource existed at some point of [{@code from}, {@code to}). */
    public boolean existedDuring(Instant from, Instant to) {
        return startedAt.isBefore(to) && (endedAt == null || endedAt.isAfter(from));
    }
}
