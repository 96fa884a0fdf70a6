package io.meterflow.timeseries.api.measure;

import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.api.ApiException;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.api.metric.MetricResource;
import io.meterflow.timeseries.api.metric.MetricView;
import io.meterflow.timeseries.api.resource.ResourceResource;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricService;
import io.meterflow.timeseries.resource.Resource;
import io.meterflow.timeseries.resource.ResourceRequests;
import io.meterflow.timeseries.resource.ResourceService;
import io.meterflow.timeseries.resourcetype.ResourceType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /v1/resource/{type}/{id}/metric}: a resource's metrics by name. Measures of a named
 * metric are read and written exactly as those of {@code /v1/metric/{id}}.
 */
@Path("/v1/resource/{type}/{id}/metric")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class ResourceMetricResource {

    private final ResourceService resources;
    private final ResourceRequests requests;
    private final MetricService metrics;
    private final MetricResource metricResource;
    private final MeasureResource measures;
    private final JsonBodies bodies;

    public ResourceMetricResource(
            ResourceService resources,
            ResourceRequests requests,
            MetricService metrics,
            MetricResource metricResource,
            MeasureResource measures,
            JsonBodies bodies) {
        this.resources = resources;
        this.requests = requests;
        this.metrics = metrics;
        this.metricResource = metricResource;
        this.measures = measures;
        this.bodies = bodies;
    }

    @GET
    public List<MetricView> list(
            @Context SecurityContext security, @PathParam("type") String type, @PathParam("id") String id) {
        Resource resource = resource(security, type, id);
        return metrics.getAll(List.copyOf(resource.metrics().values())).values().stream()
                .sorted(Comparator.comparing(m -> m.id().toString()))
                .map(MetricView::of)
                .toList();
    }

    @POST
    public List<MetricView> add(
            @Context SecurityContext security,
            @PathParam("type") String typeName,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        ResourceType type = resources.type(typeName);
        Caller caller = Callers.from(security);
        UUID uuid = ResourceResource.resourceId(id, caller);
        List<Metric> all =
                resources.addMetrics(caller, type.name(), uuid, requests.parseMetrics(bodies.read(contentType, body)));
        return all.stream().map(MetricView::of).toList();
    }

    @GET
    @Path("{name}")
    public Map<String, Object> get(
            @Context SecurityContext security,
            @PathParam("type") String type,
            @PathParam("id") String id,
            @PathParam("name") String name) {
        return metricResource.get(security, metricId(security, type, id, name));
    }

    @DELETE
    @Path("{name}")
    public Response delete(
            @Context SecurityContext security,
            @PathParam("type") String type,
            @PathParam("id") String id,
            @PathParam("name") String name) {
        return metricResource.delete(security, metricId(security, type, id, name));
    }

    @POST
    @Path("{name}/measures")
    public Response addMeasures(
            @Context SecurityContext security,
            @PathParam("type") String type,
            @PathParam("id") String id,
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        return measures.add(security, metricId(security, type, id, name), contentType, body);
    }

    @GET
    @Path("{name}/measures")
    public Response readMeasures(
            @Context SecurityContext security,
            @PathParam("type") String type,
            @PathParam("id") String id,
            @PathParam("name") String name,
            @QueryParam("start") String start,
            @QueryParam("stop") String stop,
            @QueryParam("aggregation") String aggregation,
            @QueryParam("granularity") String granularity,
            @QueryParam("resample") String resample,
            @QueryParam("refresh") String refresh) {
        return measures.read(
                security, metricId(security, type, id, name), start, stop, aggregation, granularity, resample, refresh);
    }

    private Resource resource(SecurityContext security, String typeName, String id) {
        ResourceType type = resources.type(typeName);
        Caller caller = Callers.from(security);
        return resources.get(caller, type.name(), ResourceResource.resourceId(id, caller));
    }

    /** The named metric's id; 404 names the metric if the resource exists, else the resource. */
    private String metricId(SecurityContext security, String typeName, String id, String name) {
        ResourceType type = resources.type(typeName);
        Caller caller = Callers.from(security);
        UUID uuid = ResourceResource.resourceId(id, caller);
        Resource resource = resources.find(type.name(), uuid).orElseThrow(() -> ResourceService.noSuchResource(uuid));
        UUID metric = resource.metrics().get(name);
        if (metric == null) {
            throw ApiException.notFound("Metric " + name + " does not exist");
        }
        return metric.toString();
    }
}
