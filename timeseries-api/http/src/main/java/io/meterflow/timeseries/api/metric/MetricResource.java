package io.meterflow.timeseries.api.metric;

import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.api.ApiException;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.LinkHeader;
import io.meterflow.timeseries.api.Locations;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricRequest;
import io.meterflow.timeseries.metric.MetricService;
import io.meterflow.timeseries.paging.PageRequest;
import io.meterflow.timeseries.resourceid.ResourceIds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** {@code /v1/metric}: Gnocchi's metric API. */
@Path("/v1/metric")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class MetricResource {

    private static final List<String> DEFAULT_SORT = List.of("id:asc");
    private static final Set<String> FILTERS = Set.of("name", "id", "unit", "archive_policy_name", "creator");

    private final MetricService service;
    private final JsonBodies bodies;
    private final int maxLimit;
    private final Function<UUID, Map<String, Object>> resourceViews;

    /** {@code resourceViews} renders a metric's resource (null if gone) for the detailed view. */
    public MetricResource(
            MetricService service, JsonBodies bodies, int maxLimit, Function<UUID, Map<String, Object>> resourceViews) {
        this.service = service;
        this.bodies = bodies;
        this.maxLimit = maxLimit;
        this.resourceViews = resourceViews;
    }

    @POST
    public Response create(
            @Context SecurityContext security, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, byte[] body) {
        Metric metric = service.create(caller(security), MetricRequest.parse(bodies.read(type, body)));
        return Response.created(Locations.of("metric", metric.id().toString()))
                .entity(MetricView.created(metric))
                .build();
    }

    @GET
    public Response list(@Context SecurityContext security, @Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        PageRequest page = PageRequest.from(query, maxLimit, DEFAULT_SORT);
        Map<String, Object> equalities = new LinkedHashMap<>();
        String userId = query.getFirst("user_id");
        String projectId = query.getFirst("project_id");
        if (userId != null || projectId != null) {
            // Gnocchi's compatibility with the old user/project filters: they form the creator.
            equalities.put("creator", (userId == null ? "" : userId) + ":" + (projectId == null ? "" : projectId));
        }
        for (String filter : FILTERS) {
            String value = query.getFirst(filter);
            if (value != null && !equalities.containsKey(filter)) {
                equalities.put(
                        filter,
                        filter.equals("id")
                                ? ResourceIds.parseUuid(value)
                                        .orElseThrow(
                                                () -> ApiException.badRequest("Invalid input: invalid UUID " + value))
                                : value);
            }
        }
        String status = query.getFirst("status");
        if (status != null && !status.equals("active") && !status.equals("delete")) {
            throw ApiException.badRequest("Invalid input: value must be one of ['active', 'delete'] for dictionary "
                    + "value @ data['status']");
        }
        List<Metric> metrics =
                "delete".equals(status) ? List.of() : service.list(Callers.optional(security), equalities, page);
        Response.ResponseBuilder response =
                Response.ok(metrics.stream().map(MetricView::of).toList());
        if (!metrics.isEmpty() && metrics.size() >= page.limit()) {
            response.header(
                    "Link",
                    LinkHeader.next(
                            uri, page, metrics.get(metrics.size() - 1).id().toString()));
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@Context SecurityContext security, @PathParam("id") String id) {
        Metric metric = service.getReadable(caller(security), id);
        Map<String, Object> resource = metric.resourceId() == null ? null : resourceViews.apply(metric.resourceId());
        return MetricView.detailed(metric, resource);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        service.delete(caller(security), id);
        return Response.noContent().build();
    }

    private static Caller caller(SecurityContext security) {
        return Callers.from(security);
    }
}
