package io.meterflow.timeseries.api.status;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The version documents at {@code /} and {@code /v1}, which clients read to discover the API. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class VersionResource {

    /** The sub-APIs Gnocchi lists under /v1, in its (alphabetical) order. */
    private static final List<String> V1_LINKS = List.of(
            "aggregates",
            "aggregation",
            "archive_policy",
            "archive_policy_rule",
            "batch",
            "capabilities",
            "influxdb",
            "metric",
            "resource",
            "resource_type",
            "search",
            "status");

    /**
     * What {@code build} says: the Gnocchi release whose API this one implements, not Meterflow's
     * own version. Clients compare it as a Gnocchi version: {@code ceilometer-upgrade} refuses a
     * server below 4.2.0 and crashes on a build like {@code dev} (LooseVersion compares str to int).
     */
    public static final String GNOCCHI_BUILD = "4.4.2";

    @GET
    public Map<String, Object> versions(@Context UriInfo uri) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("status", "CURRENT");
        version.put("links", List.of(Map.of("rel", "self", "href", root(uri) + "/v1/")));
        version.put("id", "v1.0");
        version.put("updated", "2015-03-19");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("build", GNOCCHI_BUILD);
        document.put("versions", List.of(version));
        return document;
    }

    @GET
    @Path("v1")
    public Map<String, Object> v1(@Context UriInfo uri) {
        List<Map<String, String>> links = new ArrayList<>();
        String v1 = root(uri) + "/v1";
        links.add(Map.of("rel", "self", "href", v1));
        V1_LINKS.forEach(name -> links.add(Map.of("rel", name, "href", v1 + "/" + name)));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", "1.0");
        document.put("links", links);
        return document;
    }

    private static String root(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
