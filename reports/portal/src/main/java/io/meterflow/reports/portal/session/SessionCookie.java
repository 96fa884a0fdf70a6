package io.meterflow.reports.portal.session;

import java.time.Duration;

/**
 * The cookie that carries a session id. HttpOnly so no script can read it; SameSite=Lax so another
 * site cannot make a signed-in tenant's browser post to the portal (sign-out, and any later form);
 * scoped to {@code /portal}; Secure when the portal is served over TLS.
 */
public record SessionCookie(boolean secure) {

    public static final String NAME = "meterflow_portal";
    static final String PATH = "/portal";

    /** The {@code Set-Cookie} value that hands {@code sessionId} to the browser. */
    public String issue(String sessionId, Duration idleTimeout) {
        return NAME + "=" + sessionId + "; Path=" + PATH + "; Max-Age=" + idleTimeout.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that makes the browser forget the session. */
    public String clear() {
        return NAME + "=; Path=" + PATH + "; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
