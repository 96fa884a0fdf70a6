package io.meterflow.reports.portal;

import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.meterflow.reports.portal.auth.PortalAuthenticator;
import io.meterflow.reports.portal.cost.CostDashboards;
import io.meterflow.reports.portal.cost.RatingReader;
import io.meterflow.reports.portal.invoice.TenantInvoices;
import io.meterflow.reports.portal.session.SessionCookie;
import io.meterflow.reports.portal.session.SessionStore;
import io.meterflow.reports.portal.session.SignInTokens;
import io.meterflow.reports.portal.session.SignedLinks;
import io.meterflow.reports.portal.usage.UsageReader;
import io.meterflow.reports.portal.web.AssetResource;
import io.meterflow.reports.portal.web.BackendUnavailableMapper;
import io.meterflow.reports.portal.web.DashboardResource;
import io.meterflow.reports.portal.web.InvoiceResource;
import io.meterflow.reports.portal.web.SessionResource;
import io.meterflow.reports.portal.web.SignedIn;
import io.meterflow.reports.portal.web.UsageResource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The tenant portal, ready to serve under {@code /portal}: its Jersey resources and the signed-link
 * helper the admin API mints links with. The portal authenticates its own requests (session
 * cookie), so the server's API authentication filter must let {@code /portal} through.
 */
public final class PortalResources {

    private final List<Object> resources;
    private final SignedLinks signedLinks;

    private PortalResources(List<Object> resources, SignedLinks signedLinks) {
        this.resources = resources;
        this.signedLinks = signedLinks;
    }

    /** Builds the portal and registers it with {@code jersey}; the result mints signed links. */
    public static PortalResources register(
            JerseyEnvironment jersey,
            PortalConfig config,
            PortalAuthenticator authenticator,
            RatingReader rating,
            UsageReader usage,
            TenantInvoices invoices,
            Clock clock) {
        PortalResources portal = create(config, authenticator, rating, usage, invoices, clock);
        portal.resources().forEach(jersey::register);
        return portal;
    }

    /** Builds the portal without registering it (for a server that registers objects itself). */
    public static PortalResources create(
            PortalConfig config,
            PortalAuthenticator authenticator,
            RatingReader rating,
            UsageReader usage,
            TenantInvoices invoices,
            Clock clock) {
        SessionStore sessions = new SessionStore(clock, config.sessionIdleTimeout(), config.maxSessions());
        SignedIn signedIn = new SignedIn(sessions);
        SignedLinks links = new SignedLinks(config.linkSecret().getBytes(StandardCharsets.UTF_8), clock);
        CostDashboards dashboards = new CostDashboards(
                rating, clock, config.defaultCurrency(), config.cacheTtl(), CostDashboards.readThreads());
        List<Object> resources = List.of(
                new SessionResource(
                        authenticator,
                        sessions,
                        new SessionCookie(config.secureCookie()),
                        new SignInTokens(config.secureCookie()),
                        links),
                new DashboardResource(signedIn, dashboards, invoices),
                new UsageResource(signedIn, usage, clock),
                new InvoiceResource(signedIn, invoices),
                new AssetResource(),
                new BackendUnavailableMapper());
        return new PortalResources(resources, links);
    }

    /** The Jersey resources and the exception mapper, to register as they are. */
    public List<Object> resources() {
        return resources;
    }

    /** Mints the links {@code GET /portal/link} accepts; expose it on the admin API only. */
    public SignedLinks signedLinks() {
        return signedLinks;
    }
}
