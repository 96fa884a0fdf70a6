package io.meterflow.testsupport.internal.amqp;

import io.meterflow.testsupport.internal.DockerProbe;
import io.meterflow.testsupport.internal.Resource;
import io.meterflow.testsupport.internal.Source;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/** Starts (or finds) the AMQP 0-9-1 broker for the test run, from the first source available. */
public final class AmqpServers {

    static final DockerImageName IMAGE = DockerImageName.parse("rabbitmq:4.1-alpine");

    private AmqpServers() {}

    public static AmqpServer start(Optional<URI> configured, DockerProbe docker) {
        return switch (Source.choose(configured.isPresent(), docker)) {
            case EXTERNAL -> external(configured.orElseThrow());
            case CONTAINER -> container();
            case EMBEDDED -> embedded();
        };
    }

    /**
     * A local rabbitmqctl manages the node on this machine, so it is only trusted with a broker on a
     * loopback address; a remote broker gets name prefixes.
     */
    private static AmqpServer external(URI uri) {
        VirtualHostAdmin virtualHosts = isLoopback(uri.getHost())
                ? Rabbitmqctl.onPath(userOf(uri))
                        .<VirtualHostAdmin>map(ctl -> ctl)
                        .orElse(VirtualHostAdmin.NONE)
                : VirtualHostAdmin.NONE;
        String how = virtualHosts == VirtualHostAdmin.NONE ? "name prefixes only" : "virtual hosts by rabbitmqctl";
        return new AmqpServer(
                uri,
                virtualHosts,
                "external broker " + uri.getHost() + " (METERFLOW_TEST_AMQP_URL), " + how,
                Resource.NONE);
    }

    private static AmqpServer container() {
        RabbitMQContainer container = new RabbitMQContainer(IMAGE);
        container.start();
        URI uri = URI.create("amqp://" + container.getAdminUsername() + ":" + container.getAdminPassword() + "@"
                + container.getHost() + ":" + container.getAmqpPort() + "/%2F");
        return new AmqpServer(
                uri,
                Rabbitmqctl.inContainer(container, container.getAdminUsername()),
                "Testcontainers " + IMAGE.asCanonicalNameString() + " at " + container.getHost() + ":"
                        + container.getAmqpPort() + ", virtual hosts by rabbitmqctl in the container",
                container::stop);
    }

    private static AmqpServer embedded() {
        EmbeddedQpid qpid = EmbeddedQpid.start();
        URI uri = URI.create("amqp://guest:guest@127.0.0.1:" + qpid.port() + "/default");
        return new AmqpServer(
                uri, qpid, "embedded Qpid Broker-J at 127.0.0.1:" + qpid.port() + ", a virtual host per class", qpid);
    }

    private static String userOf(URI uri) {
        String userInfo = uri.getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return "guest";
        }
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(0, colon);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
