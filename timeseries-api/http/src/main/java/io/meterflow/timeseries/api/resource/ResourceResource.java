package io.meterflow.timeseries.api.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.api.ApiException;
import io.meterflow.timeseries.api.ConditionalRequest;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.resource.Resource;
import io.meterflow.timeseries.resource.ResourceRequest;
import io.meterflow.timeseries.resource.ResourceRequests;
import io.meterflow.timeseries.resource.ResourceService;
import io.meterflow.timeseries.resourceid.ResourceIds;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.search.SearchQuery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code /v1/resource}: Gnocchi's resource API. */
@Path("/v1/resource")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class ResourceResource {

    private final ResourceService service;
    private final ResourceRequests requests;
    private final ResourceSearches searches;
    private final JsonBodies bodies;

    public ResourceResource(
            ResourceService service, ResourceRequests requests, ResourceSearches searches, JsonBodies bodies) {
        this.service = service;
        this.requests = requests;
        this.searches = searches;
        this.bodies = bodies;
    }

    /** The resource types and where their resources are. */
    @GET
    public Map<String, String> types(@Context UriInfo uri) {
        Map<String, String> links = new LinkedHashMap<>();
        for (ResourceType type : searches.types()) {
            links.put(
                    type.name(),
                    uri.getBaseUriBuilder()
                            .path("v1")
                            .path("resource")
                            .path(type.name())
                            .build()
                            .toString());
        }
        return links;
    }

    @POST
    @Path("{type}")
    public Response create(
            @Context SecurityContext security,
            @PathParam("type") String typeName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        ResourceType type = service.type(typeName);
        Caller caller = Callers.from(security);
        ResourceRequest request = requests.parseCreation(type, bodies.read(contentType, body), caller.creator());
        Resource created = service.create(caller, type, request);
        return withVersion(Response.created(URI.create("/v1/resource/" + type.name() + "/" + created.id())), created)
                .entity(ResourceView.of(created, type))
                .build();
    }

    @GET
    @Path("{type}")
    public Response list(@Context SecurityContext security, @PathParam("type") String typeName, @Context UriInfo uri) {
        ResourceType type = service.type(typeName);
        return searches.respond("list resource", Callers.from(security), type, Optional.empty(), uri);
    }

    @DELETE
    @Path("{type}")
    public Map<String, Integer> deleteMatching(
            @Context SecurityContext security,
            @PathParam("type") String typeName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("filter") String filter,
            byte[] body) {
        ResourceType type = service.type(typeName);
        Caller caller = Callers.from(security);
        JsonNode query = body == null || body.length == 0 ? null : bodies.read(contentType, body);
        Optional<SearchQuery> search = searches.filter(caller, query, filter);
        if (search.isEmpty()) {
            throw ApiException.badRequest(
                    "caution: the query can not be empty, or it will                   delete " + "entire database");
        }
        int deleted = service.deleteMatching(type, searches.deletionFilter(caller, type, search.get()));
        return Map.of("deleted", deleted);
    }

    @GET
    @Path("{type}/{id}")
    public Response get(
            @Context SecurityContext security,
            @PathParam("type") String typeName,
            @PathParam("id") String id,
            @Context HttpHeaders headers,
            @Context Request request) {
        ResourceType type = service.type(typeName);
        Caller caller = Callers.from(security);
        Resource resource = service.get(caller, type.name(), resourceId(id, caller));
        ConditionalRequest.Outcome outcome =
                ConditionalRequest.of(headers).evaluate(request.getMethod(), ResourceView.version(resource));
        if (outcome == ConditionalRequest.Outcome.NOT_MODIFIED) {
            return withVersion(Response.notModified(), resource).build();
        }
        return withVersion(Response.ok(ResourceView.of(resource, type)), resource)
                .build();
    }

    /** A PATCH judged against the live revision under the update's lock, so If-Match cannot race. */
    @PATCH
    @Path("{type}/{id}")
    public Response patch(
            @Context SecurityContext security,
            @PathParam("type") String typeName,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpHeaders headers,
            byte[] body) {
        ResourceType type = service.type(typeName);
        Caller caller = Callers.from(security);
        UUID uuid = resourceId(id, caller);
        ConditionalRequest conditions = ConditionalRequest.of(headers);
        Resource updated = service.update(caller, type, uuid, current -> {
            conditions.evaluate("PATCH", ResourceView.version(current));
            return requests.parseUpdate(type, bodies.read(contentType, body), caller.creator());
        });
        return withVersion(Response.ok(ResourceView.of(updated, type)), updated).build();
    }

    @DELETE
    @Path("{type}/{id}")
    public Response delete(
            @Context SecurityContext security,
            @PathParam("type") String typeName,
            @PathParam("id") String id,
            @Context HttpHeaders headers) {
        ResourceType type = service.type(typeName);
        Caller caller = Callers.from(security);
        ConditionalRequest conditions = ConditionalRequest.of(headers);
        service.delete(
                caller,
                type.name(),
                resourceId(id, caller),
                current -> conditions.evaluate("DELETE", ResourceView.version(current)));
        return Response.noContent().build();
    }

    @GET
    @Path("{type}/{id}/history")
    public Response history(
            @Context SecurityContext security,
            @PathParam("type") String typeName,
            @PathParam("id") String id,
            @Context UriInfo uri) {
        ResourceType type = service.type(typeName);
        Caller caller = Callers.from(security);
        Resource resource = service.get(caller, type.name(), resourceId(id, caller));
        SearchQuery byId = new SearchQuery.Comparison(
                "=",
                "id",
                com.fasterxml.jackson.databind.node.TextNode.valueOf(
                        resource.id().toString()));
        return searches.respondHistory(caller, type, byId, uri);
    }

    private static Response.ResponseBuilder withVersion(Response.ResponseBuilder response, Resource resource) {
        ConditionalRequest.Version version = ResourceView.version(resource);
        return response.header(HttpHeaders.ETAG, ConditionalRequest.entityTagHeader(version))
                .header(HttpHeaders.LAST_MODIFIED, ConditionalRequest.lastModifiedHeader(version));
    }

    /** A resource id as a path segment: a UUID, or an external id mapped for the caller. */
    public static UUID resourceId(String id, Caller caller) {
        try {
            return ResourceIds.toResourceUuid(id, caller.creator());
        } catch (IllegalArgumentException unusable) {
            throw ResourceService.noSuchResource(id);
        }
    }
}
