package io.meterflow.reports.portal.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * How every portal answer is sent. The headers keep the pages to themselves: no script may run
 * (the pages have none), no other site may frame them, nothing is cached (costs and invoices are
 * private), and no Referer leaks a signed link's query string.
 */
final class Pages {

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private Pages() {}

    static Response html(int status, String page) {
        return secured(Response.status(status)
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(page))
                .build();
    }

    static Response redirect(String path) {
        return secured(Response.seeOther(URI.create(path))).build();
    }

    static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", CSP)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }
}
