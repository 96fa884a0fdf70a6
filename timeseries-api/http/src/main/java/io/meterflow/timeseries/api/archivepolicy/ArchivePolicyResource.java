package io.meterflow.timeseries.api.archivepolicy;

import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.Locations;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.archivepolicy.ArchivePolicy;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyRequests;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyService;
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

/** {@code /v1/archive_policy}: Gnocchi's archive policy API. */
@Path("/v1/archive_policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class ArchivePolicyResource {

    private final ArchivePolicyService service;
    private final ArchivePolicyRequests requests;
    private final JsonBodies bodies;
    private final AccessPolicy access;

    public ArchivePolicyResource(
            ArchivePolicyService service, ArchivePolicyRequests requests, JsonBodies bodies, AccessPolicy access) {
        this.service = service;
        this.requests = requests;
        this.bodies = bodies;
        this.access = access;
    }

    @POST
    public Response create(
            @Context SecurityContext security, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, byte[] body) {
        access.require("create archive policy", Callers.from(security));
        ArchivePolicy policy = service.create(requests.parseCreate(bodies.read(type, body)));
        return Response.created(Locations.of("archive_policy", policy.name()))
                .entity(ArchivePolicyView.of(policy))
                .build();
    }

    @GET
    public List<ArchivePolicyView> list(@Context SecurityContext security) {
        Callers.from(security);
        return service.list().stream().map(ArchivePolicyView::of).toList();
    }

    @GET
    @Path("{name}")
    public ArchivePolicyView get(@Context SecurityContext security, @PathParam("name") String name) {
        Callers.from(security);
        return ArchivePolicyView.of(service.get(name));
    }

    @PATCH
    @Path("{name}")
    public ArchivePolicyView update(
            @Context SecurityContext security,
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            byte[] body) {
        service.get(name);
        access.require("update archive policy", Callers.from(security));
        return ArchivePolicyView.of(service.updateDefinition(name, requests.parseUpdate(bodies.read(type, body))));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@Context SecurityContext security, @PathParam("name") String name) {
        access.require("delete archive policy", Callers.from(security));
        service.delete(name);
        return Response.noContent().build();
    }
}
