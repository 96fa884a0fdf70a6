package io.meterflow.reports.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.reports.access.Caller;
import io.meterflow.reports.access.Guard;
import io.meterflow.reports.access.ReportsPolicies;
import io.meterflow.reports.api.InvalidInputException;
import io.meterflow.reports.portal.ProjectId;
import io.meterflow.reports.portal.session.SignedLinks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * {@code POST /v1/portal-links {"project_id", "ttl_seconds"}}: a signed, expiring link to the
 * tenant portal that an operator or finance hands to a customer (default 7 days, at most 90).
 */
@Path("/v1/portal-links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PortalLinkResource {

    private static final long DEFAULT_TTL = Duration.ofDays(7).toSeconds();
    private static final long MAX_TTL = Duration.ofDays(90).toSeconds();

    private final SignedLinks links;
    private final Guard guard;

    public PortalLinkResource(SignedLinks links, Guard guard) {
        this.links = links;
        this.guard = guard;
    }

    @POST
    public Map<String, Object> mint(JsonNode body, @Context UriInfo uri, @Context ContainerRequestContext request) {
        guard.require(ReportsPolicies.INVOICE_MANAGE, (Caller) request.getProperty(Caller.PROPERTY), null);
        String project = body == null ? null : body.path("project_id").asText(null);
        if (project == null || !ProjectId.isValid(project)) {
            throw new InvalidInputException("project_id: a project id (letters, digits, '_', '.', '-') is required");
        }
        long ttl = body.path("ttl_seconds").asLong(DEFAULT_TTL);
        if (ttl < 60 || ttl > MAX_TTL) {
            throw new InvalidInputException("ttl_seconds: between 60 and " + MAX_TTL);
        }
        URI link = links.mint(uri.getBaseUri().resolve("portal"), new ProjectId(project), Duration.ofSeconds(ttl));
        return Map.of("project_id", project, "url", link.toString(), "ttl_seconds", ttl);
    }
}
