package io.meterflow.reports.portal.web;

import io.meterflow.reports.portal.cost.CostDashboards;
import io.meterflow.reports.portal.invoice.TenantInvoices;
import io.meterflow.reports.portal.page.DashboardPage;
import io.meterflow.reports.portal.session.Session;
import io.meterflow.reports.portal.session.SessionCookie;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** {@code GET /portal}: the signed-in project's overview. */
@Path("/portal")
public final class DashboardResource {

    private final SignedIn signedIn;
    private final CostDashboards dashboards;
    private final TenantInvoices invoices;

    public DashboardResource(SignedIn signedIn, CostDashboards dashboards, TenantInvoices invoices) {
        this.signedIn = signedIn;
        this.dashboards = dashboards;
        this.invoices = invoices;
    }

    @GET
    public Response overview(@CookieParam(SessionCookie.NAME) String cookie) {
        Optional<Session> session = signedIn.session(cookie);
        if (session.isEmpty()) {
            return Pages.redirect("/portal/signin");
        }
        var project = session.get().project();
        return Pages.html(200, DashboardPage.render(dashboards.of(project), invoices.of(project)));
    }
}
