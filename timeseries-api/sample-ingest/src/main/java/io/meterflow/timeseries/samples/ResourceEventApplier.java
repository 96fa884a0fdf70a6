package io.meterflow.timeseries.samples;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.meterflow.timeseries.failure.ConflictException;
import io.meterflow.timeseries.failure.NotFoundException;
import io.meterflow.timeseries.failure.TimeseriesFailure;
import io.meterflow.timeseries.resource.Resource;
import io.meterflow.timeseries.resource.ResourceRequest;
import io.meterflow.timeseries.resource.ResourceRequests;
import io.meterflow.timeseries.resource.ResourceService;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.wire.ResourceEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the collector's resource events to the index, as Ceilometer's publisher applies
 * create/update/delete events: {@code created} and {@code updated} create the resource or PATCH
 * the attributes that changed (a revision only on change); {@code deleted} sets {@code ended_at}.
 * Applying an event twice changes nothing the second time.
 *
 * <p>Graceful with what the index does not know: attributes the type lacks are left out; an
 * event of an unknown resource type updates the resource if it exists under another type, and
 * is otherwise ignored (counted); a deletion of an unknown resource is ignored (counted).
 */
final class ResourceEventApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceEventApplier.class);

    private final ResourceService resources;
    private final ResourceRequests requests;
    private final ResolutionCache cache;
    private final IngestIdentity identity;
    private final SampleIngestMetrics counters;
    private final EventTimes times;

    ResourceEventApplier(
            ResourceService resources,
            ResourceRequests requests,
            ResolutionCache cache,
            IngestIdentity identity,
            SampleIngestMetrics counters,
            EventTimes times) {
        this.resources = resources;
        this.requests = requests;
        this.cache = cache;
        this.identity = identity;
        this.counters = counters;
        this.times = times;
    }

    /** Applies the event; {@link MalformedInputException}, before any change, if its times are unreadable. */
    void apply(ResourceEvent event) {
        Instant end = effectiveEnd(event);
        UUID id = identity.resourceUuid(event.resourceId());
        Optional<Resource> existing = resources.find(ResourceType.GENERIC, id);
        if (event.event() == ResourceEvent.Kind.DELETED) {
            existing.ifPresentOrElse(resource -> end(resource, end), () -> ignored(event, "no such resource"));
        } else if (existing.isPresent()) {
            update(existing.get(), event);
        } else {
            create(id, event);
        }
        // Samples compare their attributes with the index again rather than trust the cache.
        cache.forgetAttributes(id);
    }

    private void create(UUID id, ResourceEvent event) {
        Optional<ResourceType> type = knownType(event.resourceType());
        if (type.isEmpty()) {
            ignored(event, "unknown resource type " + event.resourceType());
            return;
        }
        try {
            resources.create(
                    identity.caller(),
                    type.get(),
                    requests.creation(
                            type.get(),
                            IngestIdentity.gnocchiId(event.resourceId()),
                            identity.creator(),
                            IngestIdentity.owners(event.userId(), event.projectId()),
                            fitted(type.get(), event).values(),
                            Map.of()));
            counters.resourcesCreated().mark();
        } catch (ConflictException createdMeanwhile) {
            resources.find(ResourceType.GENERIC, id).ifPresent(resource -> update(resource, event));
        } catch (TimeseriesFailure refusal) {
            throw IngestIdentity.refused(
                    "creation of " + event.resourceType() + " resource " + event.resourceId(), refusal);
        }
    }

    /** Against the resource's own type, whatever type the event names. */
    private void update(Resource resource, ResourceEvent event) {
        ResourceType type = resources.type(resource.type());
        FittedAttributes fitted = fitted(type, event);
        boolean owners = (event.userId() != null && !event.userId().equals(resource.userId()))
                || (event.projectId() != null && !event.projectId().equals(resource.projectId()));
        if (!owners && !fitted.changes(resource.attributes())) {
            return;
        }
        patch(
                resource,
                type,
                current -> requests.attributeUpdate(
                        type, IngestIdentity.owners(event.userId(), event.projectId()), fitted.values()));
    }

    /**
     * ended_at is the service's deletion time, not Ceilometer's processing time, so a late or
     * replayed event records when the resource really ended; it is raised to started_at where the
     * resource was created later than it ended (first sample ingested after the deletion).
     */
    private void end(Resource resource, Instant effectiveEnd) {
        Instant endedAt = effectiveEnd.truncatedTo(ChronoUnit.MICROS);
        if (resource.startedAt() != null && endedAt.isBefore(resource.startedAt())) {
            endedAt = resource.startedAt();
        }
        if (endedAt.equals(resource.endedAt())) {
            return;
        }
        Instant end = endedAt;
        ResourceType type = resources.type(resource.type());
        patch(
                resource,
                type,
                current -> new ResourceRequest(
                        null, null, Map.of("ended_at", end), JsonNodeFactory.instance.objectNode(), null));
    }

    private void patch(
            Resource resource, ResourceType type, java.util.function.Function<Resource, ResourceRequest> request) {
        try {
            resources.update(identity.caller(), type, resource.id(), request);
            counters.resourcesUpdated().mark();
        } catch (TimeseriesFailure refusal) {
            throw IngestIdentity.refused("update of resource " + resource.id(), refusal);
        }
    }

    private FittedAttributes fitted(ResourceType type, ResourceEvent event) {
        FittedAttributes fitted = FittedAttributes.fit(type, event.attributes(), event.resourceId());
        if (!fitted.unknown().isEmpty()) {
            LOG.debug(
                    "Resource {}: type {} has no attributes {}; left out",
                    event.resourceId(),
                    type.name(),
                    fitted.unknown());
        }
        return fitted;
    }

    private Optional<ResourceType> knownType(String name) {
        try {
            return Optional.of(resources.type(name));
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
    }

    private void ignored(ResourceEvent event, String why) {
        counters.eventsIgnored().mark();
        LOG.info("Resource event {} of {} ignored: {}", event.event(), event.resourceId(), why);
    }

    /** When the resource ended: the deletion time the service gave, else the event's own time. */
    private Instant effectiveEnd(ResourceEvent event) {
        Instant eventTime = times.instant("event_time", event.eventTime());
        return event.endedAt() == null ? eventTime : times.instant("ended_at", event.endedAt());
    }
}
