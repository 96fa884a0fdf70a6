package io.meterflow.rating.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /}: the API versions, as CloudKitty with storage v2 lists them (v1 current, v2 experimental). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class RootResource {

    @GET
    public Map<String, Object> versions(@Context UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        return Map.of("versions", List.of(version("v1", "CURRENT", base), version("v2", "EXPERIMENTAL", base)));
    }

    private static Map<String, Object> version(String id, String status, String base) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("id", id);
        version.put("links", List.of(Map.of("href", base + "/" + id + "/", "rel", "self")));
        version.put("status", status);
        return version;
    }
}
