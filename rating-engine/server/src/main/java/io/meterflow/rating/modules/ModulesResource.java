package io.meterflow.rating.modules;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.api.WsmeBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rating modules on both APIs: v1 ({@code hot-config}, 302 on PUT, WSME errors) and v2
 * ({@code hot_config}, 204 on PUT, {@code {"message"}} errors).
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/")
public final class ModulesResource {

    private final RatingModules modules;

    public ModulesResource(RatingModules modules) {
        this.modules = modules;
    }

    @GET
    @Path("v1/rating/modules")
    public Map<String, Object> v1List() {
        return Map.of(
                "modules",
                modules.all().stream().map(m -> view(m, "hot-config")).toList());
    }

    @GET
    @Path("v1/rating/modules/{id}")
    public Map<String, Object> v1Get(@PathParam("id") String id) {
        return view(modules.find(id).orElseThrow(() -> CloudKittyError.notFound("Module not found.")), "hot-config");
    }

    @PUT
    @Path("v1/rating/modules/{id}")
    public Response v1Update(@PathParam("id") String id, JsonNode body, @Context UriInfo uri) {
        WsmeBody module = WsmeBody.of(body);
        module.mandatoryText("module_id");
        modules.find(id).orElseThrow(() -> CloudKittyError.notFound("Module not found."));
        modules.update(id, module.bool("enabled"), module.integer("priority"));
        return Response.status(302).location(uri.getAbsolutePath()).build();
    }

    /** Modules are compiled in: nothing to reload, and the answer is CloudKitty's. */
    @GET
    @Path("v1/rating/reload_modules")
    public Response reload() {
        return Response.noContent().build();
    }

    @GET
    @Path("v2/rating/modules")
    public Map<String, Object> v2List() {
        return Map.of(
                "modules",
                modules.all().stream().map(m -> view(m, "hot_config")).toList());
    }

    @GET
    @Path("v2/rating/modules/{id}")
    public Map<String, Object> v2Get(@PathParam("id") String id) {
        return view(modules.find(id).orElseThrow(() -> v2NotFound(id)), "hot_config");
    }

    @PUT
    @Path("v2/rating/modules/{id}")
    public Response v2Update(@PathParam("id") String id, JsonNode body) {
        modules.find(id).orElseThrow(() -> v2NotFound(id));
        WsmeBody module = WsmeBody.of(body);
        modules.update(id, module.bool("enabled"), module.integer("priority"));
        return Response.noContent().build();
    }

    /** A module without a configuration API answers 409 to every method, as CloudKitty's. */
    @GET
    @Path("v1/rating/module_config/noop")
    public Response noopGet() {
        throw notConfigurable();
    }

    @POST
    @Path("v1/rating/module_config/noop")
    public Response noopPost() {
        throw notConfigurable();
    }

    @PUT
    @Path("v1/rating/module_config/noop")
    public Response noopPut() {
        throw notConfigurable();
    }

    private static CloudKittyError notConfigurable() {
        return CloudKittyError.conflict("Module is not configurable");
    }

    private static CloudKittyError v2NotFound(String id) {
        return CloudKittyError.notFound("Module '" + id + "' not found");
    }

    private static Map<String, Object> view(RatingModule module, String hotConfigKey) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("module_id", module.id());
        view.put("description", module.description());
        view.put("enabled", module.enabled());
        view.put(hotConfigKey, module.hotConfig());
        view.put("priority", module.priority());
        return view;
    }
}
