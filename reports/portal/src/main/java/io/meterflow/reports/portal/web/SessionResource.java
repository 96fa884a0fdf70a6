package io.meterflow.reports.portal.web;

import io.meterflow.reports.portal.ProjectId;
import io.meterflow.reports.portal.auth.PortalAuthenticator;
import io.meterflow.reports.portal.auth.SignInForm;
import io.meterflow.reports.portal.auth.SignInOutcome;
import io.meterflow.reports.portal.page.MessagePage;
import io.meterflow.reports.portal.page.SignInPage;
import io.meterflow.reports.portal.session.Session;
import io.meterflow.reports.portal.session.SessionCookie;
import io.meterflow.reports.portal.session.SessionStore;
import io.meterflow.reports.portal.session.SignInTokens;
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
import java.util.List;
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
    private final SignInTokens csrf;
    private final SignedLinks links;

    public SessionResource(
            PortalAuthenticator authenticator,
            SessionStore sessions,
            SessionCookie cookie,
            SignInTokens csrf,
            SignedLinks links) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.cookie = cookie;
        this.csrf = csrf;
        this.links = links;
    }

    @GET
    @Path("signin")
    public Response form() {
        return signInPage(200, null);
    }

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @CookieParam(SessionCookie.NAME) String previous,
            @CookieParam(SignInTokens.COOKIE) String csrfCookie,
            @FormParam(SignInTokens.FIELD) String csrfField,
            @FormParam("user") String user,
            @FormParam("password") String password,
            @FormParam("project") String project,
            @FormParam("credential_id") String credentialId,
            @FormParam("credential_secret") String credentialSecret) {
        if (!SignInTokens.matches(csrfCookie, csrfField)) {
            return signInPage(403, "This sign-in form has expired. Please sign in again.");
        }
        SignInOutcome outcome =
                authenticator.signIn(new SignInForm(user, password, project, credentialId, credentialSecret));
        if (outcome instanceof SignInOutcome.Accepted accepted) {
            return startSession(previous, accepted.project(), accepted.user(), accepted.roles());
        }
        if (outcome instanceof SignInOutcome.Unavailable unavailable) {
            return signInPage(503, unavailable.message());
        }
        return signInPage(401, ((SignInOutcome.Refused) outcome).message());
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
        return startSession(previous, verified.get(), "", List.of());
    }

    /** The form with a fresh CSRF token, in the page and in its cookie. */
    private Response signInPage(int status, String error) {
        String token = csrf.mint();
        return Pages.secured(Response.status(status)
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(SignInPage.render(authenticator.fields(), token, error)))
                .header("Set-Cookie", csrf.cookie(token))
                .build();
    }

    private Response startSession(String previous, ProjectId project, String user, List<String> roles) {
        // A fresh id at every sign-in: an id planted in the browser before cannot become a session.
        sessions.close(previous);
        Session session = sessions.open(project, user, roles);
        // The redirect also drops a signed link's query string from the address bar and history.
        return Pages.secured(Response.seeOther(URI.create("/portal")))
                .header("Set-Cookie", cookie.issue(session.id(), sessions.idleTimeout()))
                .header("Set-Cookie", csrf.clear())
                .build();
    }
}
