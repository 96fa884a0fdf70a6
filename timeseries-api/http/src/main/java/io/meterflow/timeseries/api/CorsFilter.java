package io.meterflow.timeseries.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/** CORS for one configured origin, as Gnocchi's oslo.middleware CORS filter provides it. */
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
        String requestedMethod = request.getHeaderString("Access-Control-Request-Method");
        if (request.getMethod().equals("OPTIONS") && requestedMethod != null) {
            response.getHeaders().putSingle("Access-Control-Allow-Methods", requestedMethod);
            String requestedHeaders = request.getHeaderString("Access-Control-Request-Headers");
            if (requestedHeaders != null) {
                response.getHeaders().putSingle("Access-Control-Allow-Headers", requestedHeaders);
            }
        }
    }
}
