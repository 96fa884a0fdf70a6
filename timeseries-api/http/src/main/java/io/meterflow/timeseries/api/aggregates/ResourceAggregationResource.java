package io.meterflow.timeseries.api.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.api.ApiException;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.api.resource.ResourceSearches;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.resourcetype.ResourceTypeService;
import io.meterflow.timeseries.search.SearchQuery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /v1/aggregation/resource/{type}/metric/{name}}: the older cross-metric aggregation over
 * the metric of that name of every resource a search finds, optionally per {@code groupby} group.
 */
@Path("/v1/aggregation/resource/{type}/metric")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class ResourceAggregationResource {

    private final ResourceTypeService types;
    private final ResourceSearches searches;
    private final ResourceAggregates resources;
    private final AggregationResource aggregation;
    private final JsonBodies bodies;

    public ResourceAggregationResource(
            ResourceTypeService types,
            ResourceSearches searches,
            ResourceAggregates resources,
            AggregationResource aggregation,
            JsonBodies bodies) {
        this.types = types;
        this.searches = searches;
        this.resources = resources;
        this.aggregation = aggregation;
        this.bodies = bodies;
    }

    /** Without a metric name there is nothing to aggregate; Gnocchi answers 405. */
    @POST
    public Object withoutName() {
        throw new ApiException(405, "");
    }

    /** Only POST, as in Gnocchi 4.4 (a GET is a 405); the search comes as body or {@code ?filter=}. */
    @POST
    @Path("{name}")
    public Object post(
            @Context SecurityContext security,
            @PathParam("type") String type,
            @PathParam("name") String name,
            @Context UriInfo uri,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        JsonNode query = body == null || body.length == 0 ? null : bodies.read(contentType, body);
        return aggregate(security, type, name, uri, query);
    }

    private Object aggregate(SecurityContext security, String typeName, String name, UriInfo uri, JsonNode body) {
        ResourceType type = types.get(typeName);
        Caller caller = Callers.from(security);
        var parameters = uri.getQueryParameters();
        Optional<SearchQuery> query = searches.filter(caller, body, parameters.getFirst("filter"));
        List<String> groupby = parameters.getOrDefault("groupby", List.of());
        List<ResourceAggregates.Group> groups;
        try {
            groups = resources.groups(caller, type, query, groupby);
        } catch (ApiException | InvalidInputException invalid) {
            if (invalid.getMessage().startsWith("Invalid pagination")) {
                throw ApiException.badRequest("Invalid groupby attribute");
            }
            throw invalid;
        }
        if (groupby.isEmpty()) {
            List<Metric> metrics = groups.isEmpty()
                    ? List.of()
                    : resources.matching(groups.get(0).resources(), name);
            return aggregation.aggregateMetrics(caller, metrics, parameters);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (ResourceAggregates.Group group : groups) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("group", group.key());
            result.put(
                    "measures",
                    aggregation.aggregateMetrics(caller, resources.matching(group.resources(), name), parameters));
            results.add(result);
        }
        return results;
    }
}
