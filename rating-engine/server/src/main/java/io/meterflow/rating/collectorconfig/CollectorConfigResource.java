package io.meterflow.rating.collectorconfig;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.api.WsmeBody;
import io.meterflow.rating.database.Jdbc;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudKitty's v1 collector API: which collector serves which service, and which collectors are
 * enabled. Kept for clients and Horizon's panel; Meterflow reads usage through one collector.
 */
@Path("/v1/collector")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CollectorConfigResource {

    private final Jdbc jdbc;

    public CollectorConfigResource(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @GET
    @Path("{collector}/states")
    public Map<String, Object> state(@PathParam("collector") String collector) {
        boolean enabled = jdbc.inTransaction(c -> Jdbc.first(
                        c,
                        "SELECT enabled FROM rating_collector_states WHERE name = ?",
                        row -> row.getBoolean(1),
                        collector)
                .orElse(false));
        return stateView(collector, enabled);
    }

    @PUT
    @Path("{collector}/states")
    public Map<String, Object> setState(@PathParam("collector") String collector, JsonNode body) {
        Boolean enabled = WsmeBody.of(body).bool("enabled");
        boolean newState = enabled != null && enabled;
        jdbc.inTransaction(c -> Jdbc.update(
                c,
                "INSERT INTO rating_collector_states (name, enabled) VALUES (?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET enabled = EXCLUDED.enabled",
                collector,
                newState));
        return stateView(collector, newState);
    }

    @GET
    @Path("mappings")
    public Map<String, Object> mappings(@QueryParam("collector") String collector) {
        var rows = jdbc.inTransaction(c -> collector == null
                ? Jdbc.list(
                        c,
                        "SELECT service, collector FROM rating_collector_mappings ORDER BY id",
                        row -> mappingView(row.getString(1), row.getString(2)))
                : Jdbc.list(
                        c,
                        "SELECT service, collector FROM rating_collector_mappings WHERE collector = ? ORDER BY id",
                        row -> mappingView(row.getString(1), row.getString(2)),
                        collector));
        return Map.of("mappings", rows);
    }

    @GET
    @Path("mappings/{service}")
    public Map<String, Object> mapping(@PathParam("service") String service) {
        return jdbc.inTransaction(c -> Jdbc.first(
                        c,
                        "SELECT service, collector FROM rating_collector_mappings WHERE service = ?",
                        row -> mappingView(row.getString(1), row.getString(2)),
                        service)
                .orElseThrow(() -> noMapping(service)));
    }

    @POST
    @Path("mappings/{collector}/{service}")
    public Map<String, Object> createMapping(
            @PathParam("collector") String collector, @PathParam("service") String service) {
        jdbc.inTransaction(c -> Jdbc.update(
                c,
                "INSERT INTO rating_collector_mappings (service, collector) VALUES (?, ?)"
                        + " ON CONFLICT (service) DO UPDATE SET collector = EXCLUDED.collector",
                service,
                collector));
        return mappingView(service, collector);
    }

    @DELETE
    @Path("mappings/{service}")
    public Response deleteMapping(@PathParam("service") String service) {
        int deleted = jdbc.inTransaction(
                c -> Jdbc.update(c, "DELETE FROM rating_collector_mappings WHERE service = ?", service));
        if (deleted == 0) {
            throw noMapping(service);
        }
        return Response.noContent().build();
    }

    private static CloudKittyError noMapping(String service) {
        return CloudKittyError.notFound("No mapping for service: " + service);
    }

    private static Map<String, Object> stateView(String collector, boolean enabled) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", collector);
        view.put("enabled", enabled);
        return view;
    }

    private static Map<String, Object> mappingView(String service, String collector) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service", service);
        view.put("collector", collector);
        return view;
    }
}
