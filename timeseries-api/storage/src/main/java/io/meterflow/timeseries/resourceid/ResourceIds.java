package io.meterflow.timeseries.resourceid;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gnocchi's resource ids: a UUID is taken as is; any other string of up to 255 characters becomes
 * the version-5 UUID of {@code value + "\0" + creator} in Gnocchi's namespace, so the same
 * external id (a host name, say) maps to the same resource for the same creator.
 */
public final class ResourceIds {

    private static final UUID NAMESPACE = UUID.fromString("0a7a15ff-aa13-4ac2-897c-9bdf30ce175b");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern DASHED =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ResourceIds() {}

    /** Parses the forms Python's {@code uuid.UUID()} accepts that clients actually send. */
    public static Optional<UUID> parseUuid(String value) {
        String text = value.trim();
        if (text.startsWith("urn:uuid:")) {
            text = text.substring(9);
        }
        if (text.startsWith("{") && text.endsWith("}")) {
            text = text.substring(1, text.length() - 1);
        }
        if (HEX32.matcher(text).matches()) {
            text = text.substring(0, 8) + "-" + text.substring(8, 12) + "-" + text.substring(12, 16) + "-"
                    + text.substring(16, 20) + "-" + text.substring(20);
        }
        return DASHED.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    /** The resource UUID of an external id; throws with Gnocchi's message for unusable ids. */
    public static UUID toResourceUuid(String value, String creator) {
        if (value.contains("/")) {
            throw new IllegalArgumentException("'/' is not supported in resource id");
        }
        Optional<UUID> uuid = parseUuid(value);
        if (uuid.isPresent()) {
            return uuid.get();
        }
        if (value.length() > 255) {
            throw new IllegalArgumentException("transformable resource id >255 max allowed characters");
        }
        return uuid5(NAMESPACE, value + "\u0000" + (creator == null ? "\u0000" : creator));
    }

    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits())
                    .array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-1 is part of every JVM", impossible);
        }
    }
}
