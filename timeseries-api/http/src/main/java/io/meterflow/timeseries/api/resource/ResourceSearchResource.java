package io.meterflow.timeseries.api.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.api.ApiException;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.resource.ResourceService;
import io.meterflow.timeseries.resourcetype.ResourceType;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.UriInfo;

/** {@code POST /v1/search/resource/{type}}: resources matching a JSON query or {@code ?filter=}. */
@Path("/v1/search/resource/{type}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class ResourceSearchResource {

    private final ResourceService service;
    private final ResourceSearches searches;
    private final JsonBodies bodies;

    public ResourceSearchResource(ResourceService service, ResourceSearches searches, JsonBodies bodies) {
        this.service = service;
        this.searches = searches;
        this.bodies = bodies;
    }

    /** Only POST searches; an unknown type is still a 404 first, as in Gnocchi's routing. */
    @GET
    public Response get(@PathParam("type") String typeName) {
        service.type(typeName);
        throw new ApiException(405, "");
    }

    @POST
    public Response search(
            @Context SecurityContext security,
            @PathParam("type") String typeName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("filter") String filter,
            @Context UriInfo uri,
            byte[] body) {
        ResourceType type = service.type(typeName);
        Caller caller = Callers.from(security);
        JsonNode query = body == null || body.length == 0 ? null : bodies.read(contentType, body);
        return searches.respond("search resource", caller, type, searches.filter(caller, query, filter), uri);
    }
}
