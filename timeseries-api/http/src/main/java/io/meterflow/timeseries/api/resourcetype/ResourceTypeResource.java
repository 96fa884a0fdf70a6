package io.meterflow.timeseries.api.resourcetype;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.api.ApiException;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.Locations;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.resourcetype.ResourceTypeRequests;
import io.meterflow.timeseries.resourcetype.ResourceTypeService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/** {@code /v1/resource_type}: Gnocchi's resource type API; changes are admin-only. */
@Path("/v1/resource_type")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class ResourceTypeResource {

    private static final String JSON_PATCH = "application/json-patch+json";

    private final ResourceTypeService service;
    private final ResourceTypeRequests requests;
    private final JsonBodies bodies;
    private final AccessPolicy access;

    public ResourceTypeResource(
            ResourceTypeService service, ResourceTypeRequests requests, JsonBodies bodies, AccessPolicy access) {
        this.service = service;
        this.requests = requests;
        this.bodies = bodies;
        this.access = access;
    }

    @POST
    public Response create(
            @Context SecurityContext security, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, byte[] body) {
        Caller caller = Callers.from(security);
        ResourceType parsed = requests.parseCreation(bodies.read(type, body));
        access.require("create resource type", caller);
        ResourceType created = service.create(parsed);
        return Response.created(Locations.of("resource_type", created.name()))
                .entity(created.toJson())
                .build();
    }

    @GET
    public List<Map<String, Object>> list(@Context SecurityContext security) {
        Callers.from(security);
        return service.list().stream().map(ResourceType::toJson).toList();
    }

    @GET
    @Path("{name}")
    public Map<String, Object> get(@Context SecurityContext security, @PathParam("name") String name) {
        ResourceType type = service.get(name);
        Callers.from(security);
        return type.toJson();
    }

    @PATCH
    @Path("{name}")
    public Map<String, Object> patch(
            @Context SecurityContext security,
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            byte[] body) {
        service.get(name);
        access.require("update resource type", Callers.from(security));
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase();
        if (!mime.equals(JSON_PATCH)) {
            throw ApiException.unsupportedMediaType();
        }
        JsonNode patch = bodies.read(MediaType.APPLICATION_JSON, body);
        return service.update(name, current -> requests.parsePatch(current, patch))
                .toJson();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@Context SecurityContext security, @PathParam("name") String name) {
        service.get(name);
        access.require("delete resource type", Callers.from(security));
        service.delete(name);
        return Response.noContent().build();
    }
}
