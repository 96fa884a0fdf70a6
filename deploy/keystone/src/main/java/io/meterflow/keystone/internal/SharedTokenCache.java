package io.meterflow.keystone.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.keystone.TokenIdentity;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validated tokens shared through Memcached by every process of every service, as
 * keystonemiddleware shares them: the key is the token's hash, never the token; the value is the
 * identity with its expiry and until when it is trusted, so a revoked token is refused within the
 * cache time whichever process validated it. With a secret key each value carries an HMAC-SHA256
 * of the key and value and one without a valid MAC is ignored; a value that cannot be read is a
 * miss. Never throws.
 */
public final class SharedTokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(SharedTokenCache.class);
    /** Versioned, so a changed value format is a miss instead of a misreading. */
    private static final String KEY_PREFIX = "meterflow/token/v1/";

    private final Memcached memcached;
    private final byte[] secretKey;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicBoolean forgeryLogged = new AtomicBoolean();

    public SharedTokenCache(Memcached memcached, String secretKey) {
        this.memcached = memcached;
        this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the shared entry for the token's hash, or null when there is none still trusted at {@code now} */
    public Trusted get(String tokenHash, Instant now) {
        String key = KEY_PREFIX + tokenHash;
        byte[] value = memcached.get(key);
        if (value == null) {
            return null;
        }
        try {
            String text = new String(value, StandardCharsets.UTF_8);
            if (secretKey.length > 0) {
                int newline = text.indexOf('\n');
                String body = newline < 0 ? "" : text.substring(newline + 1);
                if (newline < 0
                        || !MessageDigest.isEqual(
                                text.substring(0, newline).getBytes(StandardCharsets.US_ASCII),
                                mac(key, body).getBytes(StandardCharsets.US_ASCII))) {
                    if (forgeryLogged.compareAndSet(false, true)) {
                        LOG.warn("A token cached in Memcached has no valid signature: ignored (logged once)");
                    }
                    return null;
                }
                text = body;
            }
            Trusted trusted = read(json.readTree(text));
            return trusted.isTrustedAt(now) ? trusted : null;
        } catch (Exception e) {
            LOG.debug("An unreadable token entry in Memcached is a miss", e);
            return null;
        }
    }

    public void put(String tokenHash, Trusted trusted, Instant now) {
        if (!trusted.isTrustedAt(now)) {
            return;
        }
        try {
            String key = KEY_PREFIX + tokenHash;
            String body = write(trusted).toString();
            String value = secretKey.length > 0 ? mac(key, body) + "\n" + body : body;
            memcached.set(key, value.getBytes(StandardCharsets.UTF_8), Duration.between(now, trusted.until()));
        } catch (Exception e) {
            LOG.debug("A token could not be shared through Memcached", e);
        }
    }

    private ObjectNode write(Trusted trusted) {
        TokenIdentity identity = trusted.identity();
        ObjectNode node = json.createObjectNode();
        node.put("userId", identity.userId());
        node.put("userName", identity.userName());
        node.put("projectId", identity.projectId());
        node.put("domainId", identity.domainId());
        identity.roles().forEach(node.putArray("roles")::add);
        node.put("isAdminProject", identity.isAdminProject());
        node.put("expiresAt", identity.expiresAt().toString());
        node.put("until", trusted.until().toString());
        return node;
    }

    private static Trusted read(JsonNode node) {
        List<String> roles = new ArrayList<>();
        node.path("roles").forEach(role -> roles.add(role.asText()));
        return new Trusted(
                new TokenIdentity(
                        node.get("userId").asText(),
                        node.path("userName").asText(null),
                        node.path("projectId").asText(null),
                        node.path("domainId").asText(null),
                        roles,
                        node.path("isAdminProject").asBoolean(),
                        Instant.parse(node.get("expiresAt").asText())),
                Instant.parse(node.get("until").asText()));
    }

    private String mac(String key, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
        mac.update(key.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
