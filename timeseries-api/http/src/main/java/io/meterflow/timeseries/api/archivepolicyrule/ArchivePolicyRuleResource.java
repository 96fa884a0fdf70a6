package io.meterflow.timeseries.api.archivepolicyrule;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.Locations;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.archivepolicyrule.ArchivePolicyRule;
import io.meterflow.timeseries.archivepolicyrule.ArchivePolicyRuleService;
import io.meterflow.timeseries.input.JsonFields;
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
import java.util.Set;

/** {@code /v1/archive_policy_rule}: Gnocchi's archive policy rule API. */
@Path("/v1/archive_policy_rule")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class ArchivePolicyRuleResource {

    private final ArchivePolicyRuleService service;
    private final JsonBodies bodies;
    private final AccessPolicy access;

    public ArchivePolicyRuleResource(ArchivePolicyRuleService service, JsonBodies bodies, AccessPolicy access) {
        this.service = service;
        this.bodies = bodies;
        this.access = access;
    }

    @POST
    public Response create(
            @Context SecurityContext security, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, byte[] body) {
        access.require("create archive policy rule", Callers.from(security));
        JsonNode json = bodies.read(type, body);
        JsonFields fields = JsonFields.of(json, Set.of("name", "metric_pattern", "archive_policy_name"));
        ArchivePolicyRule rule = service.create(new ArchivePolicyRule(
                fields.requiredString("name"),
                fields.requiredString("metric_pattern"),
                fields.requiredString("archive_policy_name")));
        return Response.created(Locations.of("archive_policy_rule", rule.name()))
                .entity(rule)
                .build();
    }

    @GET
    public List<ArchivePolicyRule> list(@Context SecurityContext security) {
        Callers.from(security);
        return service.list();
    }

    @GET
    @Path("{name}")
    public ArchivePolicyRule get(@Context SecurityContext security, @PathParam("name") String name) {
        ArchivePolicyRule rule = service.get(name);
        Callers.from(security);
        return rule;
    }

    @PATCH
    @Path("{name}")
    public ArchivePolicyRule rename(
            @Context SecurityContext security,
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            byte[] body) {
        service.get(name);
        JsonFields fields = JsonFields.of(bodies.read(type, body), Set.of("name"));
        String newName = fields.requiredString("name");
        access.require("update archive policy rule", Callers.from(security));
        return service.rename(name, newName);
    }

    @DELETE
    @Path("{name}")
    public Response delete(@Context SecurityContext security, @PathParam("name") String name) {
        service.get(name);
        access.require("delete archive policy rule", Callers.from(security));
        service.delete(name);
        return Response.noContent().build();
    }
}
