package io.meterflow.reports.portal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.reports.portal.ProjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-20T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final SessionStore store = new SessionStore(clock, Duration.ofMinutes(30), 3);

    @Test
    void sessionIdsAre256RandomBitsAndNeverRepeat() {
        Session one = store.open(new ProjectId("a"));
        Session two = store.open(new ProjectId("a"));

        assertThat(one.id()).hasSize(43); // 32 bytes, base64url without padding
        assertThat(one.id()).isNotEqualTo(two.id());
    }

    @Test
    void aSessionExpiresAfterItsIdleTimeButUseKeepsItAlive() {
        Session session = store.open(new ProjectId("a"));
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.find(session.id())).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.find(session.id())).isPresent();
        clock.advance(Duration.ofMinutes(30));
        assertThat(store.find(session.id())).isEmpty();
    }

    @Test
    void theStoreIsBoundedAndDropsTheLeastRecentlyUsed() {
        Session first = store.open(new ProjectId("a"));
        Session second = store.open(new ProjectId("b"));
        store.open(new ProjectId("c"));
        store.find(first.id());
        store.open(new ProjectId("d"));

        assertThat(store.size()).isEqualTo(3);
        assertThat(store.find(second.id())).isEmpty();
        assertThat(store.find(first.id())).isPresent();
    }

    @Test
    void signOutEndsTheSessionAndUnknownIdsFindNothing() {
        Session session = store.open(new ProjectId("a"));
        store.close(session.id());

        assertThat(store.find(session.id())).isEmpty();
        assertThat(store.find("made-up")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void theCookieIsHttpOnlyLaxAndScopedToThePortal() {
        assertThat(new SessionCookie(true).issue("abc", Duration.ofMinutes(30)))
                .isEqualTo("meterflow_portal=abc; Path=/portal; Max-Age=1800; HttpOnly; SameSite=Lax; Secure");
        assertThat(new SessionCookie(false).clear()).contains("Max-Age=0").doesNotContain("Secure");
    }
}
