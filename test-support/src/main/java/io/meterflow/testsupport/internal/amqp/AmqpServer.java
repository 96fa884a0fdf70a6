package io.meterflow.testsupport.internal.amqp;

import io.meterflow.testsupport.AmqpBroker;
import io.meterflow.testsupport.internal.IsolationId;
import io.meterflow.testsupport.internal.Resource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An AMQP 0-9-1 broker the whole test run shares, whatever its source. */
public final class AmqpServer implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(AmqpServer.class);

    private final URI baseUri;
    private final VirtualHostAdmin virtualHosts;
    private final String description;
    private final Resource shutdown;

    /**
     * @param baseUri URI with credentials and the virtual host classes share when none can be created
     * @param virtualHosts creates a virtual host per class, or {@link VirtualHostAdmin#NONE}
     * @param description where the broker came from, for the log
     * @param shutdown stops the broker if this JVM started it
     */
    AmqpServer(URI baseUri, VirtualHostAdmin virtualHosts, String description, Resource shutdown) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.virtualHosts = Objects.requireNonNull(virtualHosts, "virtualHosts");
        this.description = Objects.requireNonNull(description, "description");
        this.shutdown = Objects.requireNonNull(shutdown, "shutdown");
    }

    public String description() {
        return description;
    }

    /**
     * Gives the class a virtual host named after its id if the broker allows, otherwise the shared
     * virtual host; the id's prefix goes on exchange and queue names either way, so test code reads
     * the same whichever the broker did.
     */
    public AmqpLease reserve(IsolationId id) {
        if (virtualHosts.create(id.value())) {
            LOG.debug("Created virtual host {}", id);
            AmqpBroker broker = new AmqpBroker(uriFor(id.value()), id.value(), id.prefix());
            return new AmqpLease(broker, () -> {
                virtualHosts.delete(id.value());
                LOG.debug("Deleted virtual host {}", id);
            });
        }
        AmqpBroker broker = new AmqpBroker(baseUri.toString(), virtualHostOf(baseUri), id.prefix());
        return new AmqpLease(broker, Resource.NONE);
    }

    @Override
    public void close() {
        shutdown.close();
    }

    private String uriFor(String virtualHost) {
        String userInfo = baseUri.getRawUserInfo() == null ? "" : baseUri.getRawUserInfo() + "@";
        String port = baseUri.getPort() == -1 ? "" : ":" + baseUri.getPort();
        // Virtual hosts made from an IsolationId need no URL encoding.
        return baseUri.getScheme() + "://" + userInfo + baseUri.getHost() + port + "/" + virtualHost;
    }

    /** The virtual host an AMQP URI names; "/" when it names none, as RabbitMQ's clients read it. */
    static String virtualHostOf(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
    }
}
