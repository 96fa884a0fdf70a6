package io.meterflow.reports.portal.session;

import io.meterflow.reports.portal.ProjectId;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links an operator hands to a tenant: {@code /portal/link?project=P&expires=E&signature=S}, where S
 * is HMAC-SHA256 over the project and the expiry (epoch seconds) with the configured secret. Whoever
 * holds the link may open a session for P until E, so it is as secret as a password and short-lived.
 */
public final class SignedLinks {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    public SignedLinks(byte[] secret, Clock clock) {
        if (secret == null || secret.length < 32) {
            // Shorter keys are brute-forceable from one leaked link.
            throw new IllegalArgumentException("the link secret must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
    }

    /** A link valid for {@code validFor} from now, under {@code portalBase} (e.g. https://cloud/portal). */
    public URI mint(URI portalBase, ProjectId project, Duration validFor) {
        if (validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("a link must be valid for a positive duration");
        }
        long expires = clock.instant().plus(validFor).getEpochSecond();
        String base = portalBase.toString().replaceAll("/+$", "");
        return URI.create(base + "/link?project=" + URLEncoder.encode(project.value(), StandardCharsets.UTF_8)
                + "&expires=" + expires + "&signature=" + signature(project.value(), expires));
    }

    /**
     * The project a link opens, or empty when it is forged, altered or expired. The signature is
     * compared in constant time so its bytes cannot be guessed one by one from response times.
     */
    public Optional<ProjectId> verify(String project, String expires, String signature) {
        if (!ProjectId.isValid(project) || expires == null || signature == null) {
            return Optional.empty();
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = signature(project, expiresAt).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        if (!Instant.ofEpochSecond(expiresAt).isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new ProjectId(project));
    }

    String signature(String project, long expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // The newline cannot occur in a project id, so ("p1", 23) and ("p12", 3) never sign alike.
            byte[] digest = mac.doFinal((project + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
