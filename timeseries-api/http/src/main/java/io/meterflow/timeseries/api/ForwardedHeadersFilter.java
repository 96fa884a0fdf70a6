package io.meterflow.timeseries.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriBuilderException;
import java.net.URI;

/**
 * Builds the URLs the API returns (Location, Link, version documents) from a reverse proxy's
 * {@code Forwarded} or {@code X-Forwarded-Proto/Host/Prefix} headers, as Gnocchi's
 * http_proxy_to_wsgi middleware does. Enabled only when the operator trusts the proxy.
 */
@PreMatching
@Priority(100)
public final class ForwardedHeadersFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String proto = null;
        String host = null;
        String forwarded = request.getHeaderString("Forwarded");
        if (forwarded != null) {
            // The first proxy's element: for=...;proto=http;host=foobar
            for (String pair : forwarded.split(",")[0].split(";")) {
                String[] keyValue = pair.trim().split("=", 2);
                if (keyValue.length == 2) {
                    String value = keyValue[1].trim().replace("\"", "");
                    if (keyValue[0].equalsIgnoreCase("proto")) {
                        proto = value;
                    } else if (keyValue[0].equalsIgnoreCase("host")) {
                        host = value;
                    }
                }
            }
        }
        proto = proto != null ? proto : first(request.getHeaderString("X-Forwarded-Proto"));
        host = host != null ? host : first(request.getHeaderString("X-Forwarded-Host"));
        String prefix = first(request.getHeaderString("X-Forwarded-Prefix"));
        if (proto == null && host == null && prefix == null) {
            return;
        }
        URI base = request.getUriInfo().getBaseUri();
        URI rebased;
        try {
            rebased = rebase(base, proto, host, prefix);
        } catch (IllegalArgumentException
                | UriBuilderException malformed) { // a port that is no number, a scheme that is none
            throw ApiException.badRequest("Invalid X-Forwarded-* header: " + malformed.getMessage());
        }
        URI relative = base.relativize(request.getUriInfo().getRequestUri());
        request.setRequestUri(rebased, rebased.resolve(relative));
    }

    private static String first(String header) {
        return header == null ? null : header.split(",")[0].trim();
    }

    private static URI rebase(URI base, String proto, String host, String prefix) {
        UriBuilder newBase = UriBuilder.fromUri(base);
        if (proto != null) {
            newBase.scheme(proto);
        }
        if (host != null) {
            int colon = host.lastIndexOf(':');
            boolean hasPort = colon > 0 && host.indexOf(']') < colon;
            newBase.host(hasPort ? host.substring(0, colon) : host)
                    .port(hasPort ? Integer.parseInt(host.substring(colon + 1)) : -1);
        }
        if (prefix != null) {
            newBase.replacePath(prefix.endsWith("/") ? prefix : prefix + "/");
        }
        return newBase.build();
    }
}
