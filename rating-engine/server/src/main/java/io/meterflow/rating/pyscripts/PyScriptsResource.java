package io.meterflow.rating.pyscripts;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.api.WsmeBody;
import io.meterflow.rating.pyscripts.PyScriptStore.Script;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** CloudKitty's pyscripts configuration API: scripts by id, 201 on create and on update. */
@Path("/v1/rating/module_config/pyscripts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PyScriptsResource {

    private final PyScriptStore scripts;

    public PyScriptsResource(PyScriptStore scripts) {
        this.scripts = scripts;
    }

    @GET
    @Path("scripts")
    public Map<String, Object> list(@QueryParam("no_data") @DefaultValue("false") boolean noData) {
        return Map.of(
                "scripts", scripts.all().stream().map(s -> view(s, !noData)).toList());
    }

    @GET
    @Path("scripts/{id}")
    public Map<String, Object> get(@PathParam("id") String scriptId) {
        return view(scripts.find(scriptId), true);
    }

    @POST
    @Path("scripts")
    public Response create(JsonNode body, @Context UriInfo uri) {
        WsmeBody script = WsmeBody.of(body);
        Script created = scripts.create(script.mandatoryText("name"), script.mandatoryText("data"));
        String collection = uri.getAbsolutePath().toString().replaceAll("/+$", "");
        return Response.created(URI.create(collection + "/" + created.scriptId()))
                .entity(view(created, true))
                .build();
    }

    @PUT
    @Path("scripts/{id}")
    public Response update(@PathParam("id") String scriptId, JsonNode body) {
        WsmeBody script = WsmeBody.of(body);
        Script updated = scripts.update(scriptId, script.text("name", null), script.text("data", null));
        return Response.status(201).entity(view(updated, true)).build();
    }

    @DELETE
    @Path("scripts/{id}")
    public Response delete(@PathParam("id") String scriptId) {
        scripts.delete(scriptId);
        return Response.noContent().build();
    }

    /** The singular is no collection: CloudKitty's controller answers 405, not 404. */
    @GET
    @Path("script")
    public Response singular() {
        throw new CloudKittyError(405, "Method Not Allowed");
    }

    private static Map<String, Object> view(Script script, boolean withData) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("script_id", script.scriptId());
        view.put("name", script.name());
        if (withData) {
            view.put("data", script.data());
        }
        view.put("checksum", script.checksum());
        return view;
    }
}
