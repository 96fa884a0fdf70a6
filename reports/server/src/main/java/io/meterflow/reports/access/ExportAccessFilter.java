package io.meterflow.reports.access;

import io.meterflow.reports.api.ForbiddenException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Capacity exports read every project's aggregates through the service's own time-series
 * credentials, so only callers the policy names as planners reach them.
 */
@Priority(Priorities.AUTHORIZATION)
public final class ExportAccessFilter implements ContainerRequestFilter {

    private final Guard guard;

    public ExportAccessFilter(Guard guard) {
        this.guard = guard;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("v1/exports")) {
            return;
        }
        Caller caller = (Caller) request.getProperty(Caller.PROPERTY);
        try {
            guard.require(ReportsPolicies.CAPACITY_EXPORT, caller, null);
        } catch (ForbiddenException e) {
            request.abortWith(Response.status(403)
                    .type("application/json")
                    .entity(Map.of("code", 403, "description", e.getMessage()))
                    .build());
        }
    }
}
