package io.meterflow.reports.portal.web;

import io.meterflow.reports.portal.session.Session;
import io.meterflow.reports.portal.session.SessionStore;
import java.util.Optional;

/** Finds the session a request's cookie names. The only way a page learns which project to show. */
public final class SignedIn {

    private final SessionStore sessions;

    public SignedIn(SessionStore sessions) {
        this.sessions = sessions;
    }

    Optional<Session> session(String cookie) {
        return sessions.find(cookie);
    }
}
