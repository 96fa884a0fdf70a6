package io.meterflow.reports.portal.session;

import io.meterflow.reports.portal.ProjectId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's sessions, in memory. Bounded so a flood of sign-ins cannot exhaust the heap (the
 * least recently used session goes first), and idle ones expire. Kept in this process only: a
 * restart signs tenants out, which costs them one sign-in and keeps no secret on disk.
 */
public final class SessionStore {

    private static final int ID_BYTES = 32; // 256 bits: not guessable, whatever the request rate

    private final Clock clock;
    private final Duration idleTimeout;
    private final int capacity;
    private final SecureRandom random = new SecureRandom();
    // Access order: iteration starts at the least recently used session.
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);

    public SessionStore(Clock clock, Duration idleTimeout, int capacity) {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || capacity < 1) {
            throw new IllegalArgumentException("idle timeout and capacity must be positive");
        }
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.capacity = capacity;
    }

    /** Opens a session for {@code project} without a user (an operator's signed link). */
    public Session open(ProjectId project) {
        return open(project, "", List.of());
    }

    /**
     * Opens a new session for {@code project}, with a fresh id (never one a caller supplied), for
     * {@code user} holding {@code roles} there.
     */
    public synchronized Session open(ProjectId project, String user, List<String> roles) {
        Instant now = clock.instant();
        evictIdle(now);
        while (sessions.size() >= capacity) {
            Iterator<String> eldest = sessions.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        Session session =
                new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), project, user, roles, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session of {@code id}, marked as used now; empty when unknown or idle too long. */
    public synchronized Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (isIdle(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session used = session.usedAt(now);
        sessions.put(id, used);
        return Optional.of(used);
    }

    public synchronized void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public synchronized int size() {
        return sessions.size();
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    private void evictIdle(Instant now) {
        // Least recently used first: stop at the first one still alive.
        Iterator<Map.Entry<String, Session>> oldest = sessions.entrySet().iterator();
        while (oldest.hasNext() && isIdle(oldest.next().getValue(), now)) {
            oldest.remove();
        }
    }

    private boolean isIdle(Session session, Instant now) {
        return !session.lastUsedAt().plus(idleTimeout).isAfter(now);
    }
}
