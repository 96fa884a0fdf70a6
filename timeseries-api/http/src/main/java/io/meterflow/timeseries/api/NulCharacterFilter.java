package io.meterflow.timeseries.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Locale;

/**
 * A NUL character in the path or the query ({@code %00}) can reach no stored value: PostgreSQL
 * refuses it in text, which would surface as a 500 from wherever the value is used. Refused as a
 * bad request before routing.
 */
@PreMatching
@Priority(40)
public final class NulCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (holdsNul(path) || holdsNul(query)) {
            throw ApiException.badRequest("NUL characters are not allowed in the path or the query");
        }
    }

    private static boolean holdsNul(String raw) {
        return raw != null && raw.toLowerCase(Locale.ROOT).contains("%00");
    }
}
