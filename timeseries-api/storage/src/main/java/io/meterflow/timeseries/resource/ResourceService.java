package io.meterflow.timeseries.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.archivepolicy.ArchivePolicy;
import io.meterflow.timeseries.database.DatabaseException;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.failure.ConflictException;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.failure.NotFoundException;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricDao;
import io.meterflow.timeseries.metric.MetricService;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.resourcetype.ResourceTypeService;
import io.meterflow.timeseries.search.SqlCondition;
import io.meterflow.timeseries.time.Timestamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/** Resource life cycle: creation with metrics, revisions on change, deletion, listing. */
public final class ResourceService {

    private final Transactions transactions;
    private final ResourceDao resources;
    private final ResourceListing listing;
    private final ResourceTypeService types;
    private final MetricDao metricDao;
    private final MetricService metrics;
    private final AccessPolicy access;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public ResourceService(
            Transactions transactions,
            ResourceDao resources,
            ResourceListing listing,
            ResourceTypeService types,
            MetricDao metricDao,
            MetricService metrics,
            AccessPolicy access,
            Clock clock,
            Supplier<UUID> ids) {
        this.transactions = transactions;
        this.resources = resources;
        this.listing = listing;
        this.types = types;
        this.metricDao = metricDao;
        this.metrics = metrics;
        this.access = access;
        this.clock = clock;
        this.ids = ids;
    }

    public ResourceType type(String name) {
        return types.get(name);
    }

    public Resource create(Caller caller, ResourceType type, ResourceRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        Instant startedAt = (Instant) request.generic().getOrDefault("started_at", now);
        Instant endedAt = (Instant) request.generic().get("ended_at");
        if (startedAt != null && endedAt != null && startedAt.isAfter(endedAt)) {
            throw InvalidInputException.because("Start timestamp cannot be after end timestamp");
        }
        Resource resource = new Resource(
                request.id(),
                type.name(),
                request.originalId(),
                caller.creator(),
                (String) request.generic().get("user_id"),
                (String) request.generic().get("project_id"),
                startedAt == null ? now : startedAt,
                endedAt,
                now,
                null,
                Resource.LIVE,
                request.attributes(),
                Map.of());
        try {
            return transactions.inTransaction(connection -> {
                resources.insert(connection, resource);
                if (request.metrics() != null) {
                    link(connection, resource, request.metrics(), Map.of());
                }
                return resource.withMetrics(resources.metrics(connection, resource.id()));
            });
        } catch (DatabaseException failure) {
            if (Transactions.UNIQUE_VIOLATION.equals(failure.sqlState())) {
                throw new ConflictException("Resource " + request.id() + " already exists");
            }
            throw failure;
        }
    }

    /** The live resource, whoever asks. */
    public java.util.Optional<Resource> find(String type, UUID id) {
        return transactions.read(connection -> resources.find(connection, type, id, false));
    }

    /** The live resource, readable by the caller. */
    public Resource get(Caller caller, String type, UUID id) {
        Resource resource = transactions
                .read(connection -> resources.find(connection, type, id, false))
                .orElseThrow(() -> noSuchResource(id));
        access.requireResourceReader(caller, target(resource));
        return resource;
    }

    /**
     * Applies a PATCH. A change of a generic field or attribute keeps the previous state as a
     * revision; a change of metrics alone does not, as in Gnocchi.
     */
    public Resource update(
            Caller caller, ResourceType type, UUID id, java.util.function.Function<Resource, ResourceRequest> parse) {
        return transactions.inTransaction(connection -> {
            Resource current = resources.find(connection, type.name(), id, true).orElseThrow(() -> noSuchResource(id));
            access.requireResourceWriter(caller, target(current));
            ResourceRequest request = parse.apply(current);
            if (request.isEmpty()) {
                return current;
            }
            Resource next = apply(current, request);
            boolean changed = !Objects.equals(next.startedAt(), current.startedAt())
                    || !Objects.equals(next.endedAt(), current.endedAt())
                    || !Objects.equals(next.userId(), current.userId())
                    || !Objects.equals(next.projectId(), current.projectId())
                    || !next.attributes().equals(current.attributes());
            if (next.startedAt() != null
                    && next.endedAt() != null
                    && next.startedAt().isAfter(next.endedAt())) {
                throw InvalidInputException.because("Value " + Timestamps.format(next.endedAt())
                        + " for attribute ended_at on resource type " + type.name() + " is invalid");
            }
            if (changed) {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
                resources.archive(connection, id, now);
                next = new Resource(
                        next.id(),
                        next.type(),
                        next.originalResourceId(),
                        next.creator(),
                        next.userId(),
                        next.projectId(),
                        next.startedAt(),
                        next.endedAt(),
                        now,
                        null,
                        Resource.LIVE,
                        next.attributes(),
                        Map.of());
                resources.update(connection, next);
            }
            if (request.metrics() != null) {
                resources.detachMetrics(connection, id);
                link(connection, next, request.metrics(), Map.of());
            }
            return next.withMetrics(resources.metrics(connection, id));
        });
    }

    private static Resource apply(Resource current, ResourceRequest request) {
        Map<String, Object> generic = request.generic();
        ObjectNode attributes = current.attributes().deepCopy();
        attributes.setAll(request.attributes());
        return new Resource(
                current.id(),
                current.type(),
                current.originalResourceId(),
                current.creator(),
                generic.containsKey("user_id") ? (String) generic.get("user_id") : current.userId(),
                generic.containsKey("project_id") ? (String) generic.get("project_id") : current.projectId(),
                generic.containsKey("started_at") ? (Instant) generic.get("started_at") : current.startedAt(),
                generic.containsKey("ended_at") ? (Instant) generic.get("ended_at") : current.endedAt(),
                current.revisionStart(),
                null,
                Resource.LIVE,
                attributes,
                current.metrics());
    }

    /** {@code POST .../metric}: adds named metrics; an existing name is a 409. */
    public List<Metric> addMetrics(Caller caller, String type, UUID id, Map<String, ResourceRequest.MetricLink> links) {
        return transactions.inTransaction(connection -> {
            Resource resource = resources.find(connection, type, id, true).orElseThrow(() -> noSuchResource(id));
            access.requireResourceWriter(caller, target(resource));
            Map<String, UUID> existing = resources.metrics(connection, id);
            for (String name : links.keySet()) {
                if (existing.containsKey(name)) {
                    throw new ConflictException("Named metric " + name + " already exists");
                }
            }
            link(connection, resource, links, existing);
            return metricDao.findByResources(connection, List.of(id)).getOrDefault(id, Map.of()).values().stream()
                    .toList();
        });
    }

    private void link(
            Connection connection,
            Resource resource,
            Map<String, ResourceRequest.MetricLink> links,
            Map<String, UUID> existing)
            throws SQLException {
        for (Map.Entry<String, ResourceRequest.MetricLink> entry : links.entrySet()) {
            String name = entry.getKey();
            ResourceRequest.MetricLink link = entry.getValue();
            if (link.existing() != null) {
                if (!resources.attachMetric(connection, resource.id(), resource.creator(), name, link.existing())) {
                    throw InvalidInputException.because("Metric " + link.existing() + " does not exist");
                }
                continue;
            }
            ArchivePolicy policy = metrics.resolvePolicy(connection, link.archivePolicyName(), name);
            metricDao.insert(
                    connection,
                    new Metric(
                            ids.get(),
                            resource.creator(),
                            name,
                            link.unit(),
                            resource.id(),
                            resource.projectId(),
                            policy));
        }
    }

    /** Deletes the live resource once {@code precondition} accepted it (it throws to refuse). */
    public void delete(Caller caller, String type, UUID id, java.util.function.Consumer<Resource> precondition) {
        transactions.inTransaction(connection -> {
            Resource resource = resources.find(connection, type, id, true).orElseThrow(() -> noSuchResource(id));
            access.requireResourceWriter("delete resource", caller, target(resource));
            precondition.accept(resource);
            resources.delete(connection, List.of(id));
            return null;
        });
    }

    public List<Resource> list(ResourceListing.Query query) {
        return transactions.read(connection -> listing.list(connection, query));
    }

    /** When each resource's first revision began (its creation in the index), read without the revisions' attributes. */
    public java.util.Map<UUID, java.time.Instant> firstRevisionStarts(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        UUID[] array = ids.toArray(UUID[]::new);
        return transactions.read(connection -> {
            java.util.Map<UUID, java.time.Instant> first = new java.util.HashMap<>();
            try (var select = connection.prepareStatement("SELECT id, min(revision_start) FROM ("
                    + " SELECT id, revision_start FROM resource WHERE id = ANY (?)"
                    + " UNION ALL SELECT id, revision_start FROM resource_history WHERE id = ANY (?)) r GROUP BY id")) {
                select.setArray(1, connection.createArrayOf("uuid", array));
                select.setArray(2, connection.createArrayOf("uuid", array));
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        first.put(
                                rows.getObject(1, UUID.class),
                                rows.getTimestamp(2).toInstant());
                    }
                }
            }
            return first;
        });
    }

    /** Deletes the live resources of a type matching a filter; returns how many. */
    public int deleteMatching(ResourceType type, SqlCondition filter) {
        return transactions.inTransaction(connection -> {
            List<UUID> matching = listing.matchingIds(connection, type, filter);
            return matching.isEmpty() ? 0 : resources.delete(connection, matching);
        });
    }

    /** The owners an access rule checks: the creator, the creating project, the resource's project. */
    public static AccessPolicy.Target target(Resource resource) {
        return new AccessPolicy.Target(resource.creator(), resource.createdByProjectId(), resource.projectId());
    }

    public static NotFoundException noSuchResource(Object id) {
        return new NotFoundException("Resource " + id + " does not exist");
    }
}
