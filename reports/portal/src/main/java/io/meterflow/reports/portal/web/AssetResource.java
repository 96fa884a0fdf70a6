package io.meterflow.reports.portal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** {@code GET /portal/assets/{name}}: the stylesheet, from the classpath. Only listed names are served. */
@Path("/portal/assets")
public final class AssetResource {

    private static final Map<String, String> ASSETS = Map.of("portal.css", "text/css; charset=utf-8");

    @GET
    @Path("{name}")
    public Response asset(@PathParam("name") String name) {
        String type = ASSETS.get(name);
        if (type == null) {
            return Response.status(404).build();
        }
        try (InputStream in = AssetResource.class.getResourceAsStream("/io/meterflow/reports/portal/assets/" + name)) {
            if (in == null) {
                return Response.status(404).build();
            }
            return Response.ok(in.readAllBytes(), type)
                    .header("Cache-Control", "public, max-age=3600")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("reading portal asset " + name, e);
        }
    }
}
