package io.meterflow.testsupport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * An AMQP 0-9-1 broker place that belongs to one test class: its own virtual host where the broker
 * allows creating one, otherwise a shared virtual host where the class must use {@link #name} for
 * every exchange and queue it declares.
 *
 * @param uri {@code amqp://user:password@host:port/vhost}, ready for a client's {@code setUri}
 * @param virtualHost the virtual host {@code uri} points at, not URL-encoded
 * @param namePrefix prefix of every exchange and queue this class may declare
 */
public record AmqpBroker(String uri, String virtualHost, String namePrefix) {

    public AmqpBroker {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(virtualHost, "virtualHost");
        Objects.requireNonNull(namePrefix, "namePrefix");
        if (!uri.startsWith("amqp://") && !uri.startsWith("amqps://")) {
            throw new IllegalArgumentException("Not an amqp:// or amqps:// URI: " + withoutPassword(uri));
        }
        if (namePrefix.isBlank()) {
            throw new IllegalArgumentException("namePrefix must not be blank");
        }
    }

    /** The name this class uses for the exchange or queue it calls {@code base}. */
    public String name(String base) {
        return namePrefix + base;
    }

    public String host() {
        return parsed().getHost();
    }

    public int port() {
        URI parsed = parsed();
        if (parsed.getPort() != -1) {
            return parsed.getPort();
        }
        return "amqps".equals(parsed.getScheme()) ? 5671 : 5672;
    }

    public String username() {
        return userInfoPart(0);
    }

    public String password() {
        return userInfoPart(1);
    }

    @Override
    public String toString() {
        return "AmqpBroker[uri=" + withoutPassword(uri) + ", virtualHost=" + virtualHost + ", namePrefix=" + namePrefix
                + "]";
    }

    private String userInfoPart(int index) {
        String userInfo = parsed().getUserInfo();
        if (userInfo == null) {
            return "guest";
        }
        String[] parts = userInfo.split(":", 2);
        return index < parts.length ? parts[index] : "";
    }

    private URI parsed() {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Invalid AMQP URI " + withoutPassword(uri), e);
        }
    }

    private static String withoutPassword(String uri) {
        return uri.replaceFirst("://([^:@/]*):[^@/]*@", "://$1:****@");
    }
}
