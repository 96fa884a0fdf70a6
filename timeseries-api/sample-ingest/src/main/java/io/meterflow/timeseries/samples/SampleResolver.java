package io.meterflow.timeseries.samples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.timeseries.failure.ConflictException;
import io.meterflow.timeseries.failure.TimeseriesFailure;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.resource.Resource;
import io.meterflow.timeseries.resource.ResourceRequest;
import io.meterflow.timeseries.resource.ResourceRequests;
import io.meterflow.timeseries.resource.ResourceService;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.wire.Sample;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the metric a sample's measure goes to, creating its resource and metric when missing and
 * updating the resource's attributes when the sample carries changed ones, through the API's own
 * services (same validation, revisions only on change). Every step tolerates having been done
 * before (a replay after a crash, another instance): an existing resource or metric is used.
 * A cache hit with unchanged attributes touches no database.
 */
final class SampleResolver {

    private static final Logger LOG = LoggerFactory.getLogger(SampleResolver.class);

    private final ResourceService resources;
    private final ResourceRequests requests;
    private final ResolutionCache cache;
    private final IngestIdentity identity;
    private final Optional<String> archivePolicyDefault;
    private final SampleIngestMetrics counters;

    SampleResolver(
            ResourceService resources,
            ResourceRequests requests,
            ResolutionCache cache,
            IngestIdentity identity,
            Optional<String> archivePolicyDefault,
            SampleIngestMetrics counters) {
        this.resources = resources;
        this.requests = requests;
        this.cache = cache;
        this.identity = identity;
        this.archivePolicyDefault = archivePolicyDefault;
        this.counters = counters;
    }

    UUID metricId(Sample sample, MappedMeter meter) {
        UUID resourceId = identity.resourceUuid(sample.resourceId());
        String typeName = meter.resource().resourceType();
        ObjectNode attributes = meter.resource().attributes(sample.resourceMetadata());
        long attributeHash = FittedAttributes.hash(typeName, attributes);
        UUID cached = cache.metric(resourceId, sample.name());
        if (cached != null && cache.attributesApplied(resourceId, attributeHash)) {
            counters.cacheHits().mark();
            return cached;
        }
        counters.cacheMisses().mark();
        ResourceType type = type(typeName);
        FittedAttributes fitted = FittedAttributes.fit(type, attributes, sample.resourceId());
        Resource resource = resources
                .find(ResourceType.GENERIC, resourceId)
                .map(existing -> updated(existing, type, fitted))
                .orElseGet(() -> created(sample, resourceId, type, fitted, meter));
        UUID metricId = resource.metrics().get(sample.name());
        if (metricId == null) {
            metricId = addMetric(resource, sample, meter);
        }
        cache.putMetric(resourceId, sample.name(), metricId);
        cache.putAttributes(resourceId, attributeHash);
        return metricId;
    }

    private ResourceType type(String name) {
        try {
            return resources.type(name);
        } catch (TimeseriesFailure unknown) {
            throw IngestIdentity.refused("resource type " + name, unknown);
        }
    }

    private Resource created(
            Sample sample, UUID resourceId, ResourceType type, FittedAttributes fitted, MappedMeter meter) {
        try {
            ResourceRequest request = requests.creation(
                    type,
                    IngestIdentity.gnocchiId(sample.resourceId()),
                    identity.creator(),
                    IngestIdentity.owners(sample.userId(), sample.projectId()),
                    fitted.values(),
                    newMetric(sample, meter));
            Resource created = resources.create(identity.caller(), type, request);
            counters.resourcesCreated().mark();
            counters.metricsCreated().mark();
            LOG.debug(
                    "Created {} resource {} ({}) with metric {}",
                    type.name(),
                    resourceId,
                    sample.resourceId(),
                    sample.name());
            return created;
        } catch (ConflictException createdMeanwhile) { // by an event, another instance
            return resources.find(ResourceType.GENERIC, resourceId).orElseThrow(() -> createdMeanwhile);
        } catch (TimeseriesFailure refusal) {
            throw IngestIdentity.refused("creation of " + type.name() + " resource " + sample.resourceId(), refusal);
        }
    }

    /** PATCHes the attributes the sample changes; a resource of another type keeps its attributes. */
    private Resource updated(Resource existing, ResourceType type, FittedAttributes fitted) {
        if (!existing.type().equals(type.name()) || !fitted.changes(existing.attributes())) {
            return existing;
        }
        try {
            Resource updated = resources.update(
                    identity.caller(),
                    type,
                    existing.id(),
                    current -> requests.attributeUpdate(type, Map.of(), fitted.values()));
            counters.resourcesUpdated().mark();
            return updated;
        } catch (TimeseriesFailure refusal) {
            throw IngestIdentity.refused("update of resource " + existing.id(), refusal);
        }
    }

    private UUID addMetric(Resource resource, Sample sample, MappedMeter meter) {
        try {
            Map<String, ResourceRequest.MetricLink> links = newMetric(sample, meter);
            UUID id = resources.addMetrics(identity.caller(), ResourceType.GENERIC, resource.id(), links).stream()
                    .filter(m -> m.name().equals(sample.name()))
                    .map(Metric::id)
                    .findFirst()
                    .orElseThrow();
            counters.metricsCreated().mark();
            return id;
        } catch (ConflictException addedMeanwhile) {
            return resources
                    .find(ResourceType.GENERIC, resource.id())
                    .map(found -> found.metrics().get(sample.name()))
                    .orElseThrow(() -> addedMeanwhile);
        } catch (TimeseriesFailure refusal) {
            throw IngestIdentity.refused("metric " + sample.name() + " of resource " + resource.id(), refusal);
        }
    }

    /** {@code {name: {archive_policy_name?, unit?}}}, checked by the API's parser (unit length, name). */
    private Map<String, ResourceRequest.MetricLink> newMetric(Sample sample, MappedMeter meter) {
        return ResourceRequests.newMetric(sample.name(), policy(meter).orElse(null), sample.unit());
    }

    private Optional<String> policy(MappedMeter meter) {
        return meter.archivePolicyName() != null ? Optional.of(meter.archivePolicyName()) : archivePolicyDefault;
    }
}
