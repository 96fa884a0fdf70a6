package io.meterflow.reports.portal.web;

import io.meterflow.reports.portal.invoice.InvoiceFile;
import io.meterflow.reports.portal.invoice.InvoiceFormat;
import io.meterflow.reports.portal.invoice.TenantInvoices;
import io.meterflow.reports.portal.page.MessagePage;
import io.meterflow.reports.portal.session.Session;
import io.meterflow.reports.portal.session.SessionCookie;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /portal/invoices/{id}/{pdf|csv|json}}: a download, asked of the port with the session's
 * project, so an id of another account's invoice is simply not found (404, as an unknown id).
 */
@Path("/portal/invoices")
public final class InvoiceResource {

    private final SignedIn signedIn;
    private final TenantInvoices invoices;

    public InvoiceResource(SignedIn signedIn, TenantInvoices invoices) {
        this.signedIn = signedIn;
        this.invoices = invoices;
    }

    @GET
    @Path("{id}/{format}")
    public Response download(
            @CookieParam(SessionCookie.NAME) String cookie,
            @PathParam("id") String id,
            @PathParam("format") String extension) {
        Optional<Session> session = signedIn.session(cookie);
        if (session.isEmpty()) {
            return Pages.redirect("/portal/signin");
        }
        Optional<InvoiceFile> file = InvoiceFormat.ofExtension(extension)
                .flatMap(format -> invoices.file(session.get().project(), id, format));
        if (file.isEmpty()) {
            return Pages.html(404, MessagePage.render("Not found", "There is no such invoice in your account."));
        }
        InvoiceFile found = file.get();
        return Pages.secured(Response.ok(found.bytes(), found.mediaType()))
                .header("Content-Disposition", "attachment; filename=\"" + safeName(found.fileName()) + "\"")
                .build();
    }

    /** A file name that cannot break out of the header's quotes. */
    static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "invoice" : safe;
    }
}
