package io.meterflow.timeseries.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/**
 * Collapses repeated slashes in request paths before routing. gnocchiclient sends updates to
 * {@code /v1/archive_policy//<name>}, which Gnocchi's router accepts as {@code /<name>}.
 */
@PreMatching
@Priority(50)
public final class EmptySegmentFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI requested = request.getUriInfo().getRequestUri();
        String path = requested.getRawPath();
        if (path == null || !path.contains("//")) {
            return;
        }
        URI collapsed = UriBuilder.fromUri(requested)
                .replacePath(path.replaceAll("/{2,}", "/"))
                .build();
        request.setRequestUri(request.getUriInfo().getBaseUri(), collapsed);
    }
}
