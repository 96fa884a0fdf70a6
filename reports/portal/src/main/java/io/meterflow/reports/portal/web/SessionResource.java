package io.meterflow.reports.portal.web;

import io.meterflow.reports.portal.ProjectId;
import io.meterflow.reports.portal.auth.PortalAuthenticator;
import io.meterflow.reports.portal.page.MessagePage;
import io.meterflow.reports.portal.page.SignInPage;
import io.meterflow.reports.portal.session.Session;
import io.meterflow.reports.portal.session.SessionCookie;
import io.meterflow.reports.portal.session.SessionStore;
import io.meterflow.reports.portal.session.SignedLinks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-in, sign-out and the operator's signed links: the only ways a session starts or ends. */
@Path("/portal")
public final class SessionResource {

    private static final Logger LOG = LoggerFactory.getLogger(SessionResource.class);

    private final PortalAuthenticator authenticator;
    private final SessionStore sessions;
    private final SessionCookie cookie;
    private final SignedLinks links;

    public SessionResource(
            PortalAuthenticator authenticator, SessionStore sessions, SessionCookie cookie, SignedLinks links) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.cookie = cookie;
        this.links = links;
    }

    @GET
    @Path("signin")
    public Response form() {
        return Pages.html(200, SignInPage.render(authenticator.asksForPassword(), null));
    }

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @CookieParam(SessionCookie.NAME) String previous,
            @FormParam("user") String user,
            @FormParam("password") String password) {
        Optional<ProjectId> project = authenticator.projectOf(user, password);
        if (project.isEmpty()) {
            return Pages.html(
                    401, SignInPage.render(authenticator.asksForPassword(), "Those credentials were refused."));
        }
        return startSession(previous, project.get());
    }

    @POST
    @Path("signout")
    public Response signOut(@CookieParam(SessionCookie.NAME) String current) {
        sessions.close(current);
        return Pages.secured(Response.seeOther(URI.create("/portal/signin")))
                .header("Set-Cookie", cookie.clear())
                .build();
    }

    /** An operator's link: a valid one opens a session; expired or forged ones are refused alike. */
    @GET
    @Path("link")
    public Response link(
            @CookieParam(SessionCookie.NAME) String previous,
            @QueryParam("project") String project,
            @QueryParam("expires") String expires,
            @QueryParam("signature") String signature) {
        Optional<ProjectId> verified = links.verify(project, expires, signature);
        if (verified.isEmpty()) {
            LOG.info("refused a portal link for project {}", ProjectId.isValid(project) ? project : "(invalid)");
            return Pages.html(
                    403,
                    MessagePage.render(
                            "Link not valid",
                            "This link has expired or is not valid. Ask your operator for a new one."));
        }
        return startSession(previous, verified.get());
    }

    private Response startSession(String previous, ProjectId project) {
        // A fresh id at every sign-in: an id planted in the browser before cannot become a session.
        sessions.close(previous);
        Session session = sessions.open(project);
        // The redirect also drops a signed link's query string from the address bar and history.
        return Pages.secured(Response.seeOther(URI.create("/portal")))
                .header("Set-Cookie", cookie.issue(session.id(), sessions.idleTimeout()))
                .build();
    }
}
