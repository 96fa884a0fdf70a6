package io.meterflow.reports.portal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterflow.reports.portal.ProjectId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SignedLinksTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final SignedLinks LINKS = new SignedLinks(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aMintedLinkOpensItsProjectUntilItExpires() {
        Map<String, String> query =
                query(LINKS.mint(URI.create("https://cloud.example/portal/"), project("p-1"), Duration.ofHours(1)));

        assertThat(query.get("expires"))
                .isEqualTo(String.valueOf(NOW.plusSeconds(3600).getEpochSecond()));
        assertThat(LINKS.verify(query.get("project"), query.get("expires"), query.get("signature")))
                .contains(project("p-1"));
        SignedLinks anHourLater = new SignedLinks(SECRET, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));
        assertThat(anHourLater.verify(query.get("project"), query.get("expires"), query.get("signature")))
                .isEmpty();
    }

    @Test
    void aLinkAlteredInAnyPartIsRefused() {
        Map<String, String> q = query(LINKS.mint(URI.create("http://h/portal"), project("p-1"), Duration.ofHours(1)));
        String later = String.valueOf(Long.parseLong(q.get("expires")) + 86_400);

        assertThat(LINKS.verify("p-2", q.get("expires"), q.get("signature"))).isEmpty();
        assertThat(LINKS.verify(q.get("project"), later, q.get("signature"))).isEmpty();
        assertThat(LINKS.verify(q.get("project"), q.get("expires"), q.get("signature") + "A"))
                .isEmpty();
        assertThat(LINKS.verify(q.get("project"), q.get("expires"), "")).isEmpty();
        assertThat(LINKS.verify(q.get("project"), "soon", q.get("signature"))).isEmpty();
        assertThat(LINKS.verify(null, null, null)).isEmpty();
    }

    @Test
    void aLinkSignedWithAnotherSecretIsRefused() {
        SignedLinks other = new SignedLinks(
                "another secret of at least 32 bytes!".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Map<String, String> q = query(other.mint(URI.create("http://h/portal"), project("p-1"), Duration.ofHours(1)));

        assertThat(LINKS.verify(q.get("project"), q.get("expires"), q.get("signature")))
                .isEmpty();
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new SignedLinks("short".getBytes(StandardCharsets.UTF_8), Clock.systemUTC()))
                .hasMessageContaining("32 bytes");
    }

    private static ProjectId project(String id) {
        return new ProjectId(id);
    }

    private static Map<String, String> query(URI link) {
        assertThat(link.getPath()).endsWith("/portal/link");
        return java.util.Arrays.stream(link.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
