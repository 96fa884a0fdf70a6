package io.meterflow.rating.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * oslo.middleware's CORS for the one configured origin: any other origin gets no CORS header, so
 * the browser refuses the answer.
 */
public final class CorsFilter implements ContainerResponseFilter {

    private final String allowedOrigin;

    public CorsFilter(String allowedOrigin) {
        this.allowedOrigin = allowedOrigin;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !origin.equals(allowedOrigin)) {
            return;
        }
        response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
        response.getHeaders().putSingle("Vary", "Origin");
        String method = request.getHeaderString("Access-Control-Request-Method");
        if ("OPTIONS".equals(request.getMethod()) && method != null) {
            response.getHeaders().putSingle("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE, PATCH");
            String headers = request.getHeaderString("Access-Control-Request-Headers");
            if (headers != null) {
                response.getHeaders().putSingle("Access-Control-Allow-Headers", headers);
            }
        }
    }
}
