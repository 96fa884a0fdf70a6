package io.meterflow.testsupport.internal.amqp;

import io.meterflow.testsupport.internal.Resource;
import io.meterflow.testsupport.internal.ScratchDirectory;
import java.security.PrivilegedAction;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.auth.Subject;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.VirtualHostNode;

/**
 * Apache Qpid Broker-J inside this JVM: AMQP 0-9-1 on a free loopback port, everything in memory,
 * user guest/guest. Unlike RabbitMQ without its tools, it creates a virtual host per class through
 * its own object model.
 */
final class EmbeddedQpid implements VirtualHostAdmin, Resource {

    private static final String CONFIG = "classpath:io/meterflow/testsupport/internal/amqp/qpid-config.json";
    private static final String MEMORY = "Memory";

    private final SystemLauncher launcher;
    private final Broker<?> broker;
    private final ScratchDirectory work;

    private EmbeddedQpid(SystemLauncher launcher, Broker<?> broker, ScratchDirectory work) {
        this.launcher = launcher;
        this.broker = broker;
        this.work = work;
    }

    static EmbeddedQpid start() {
        ScratchDirectory work = ScratchDirectory.create("qpid");
        AtomicReference<SystemConfig<?>> systemConfig = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> resolved) {
                systemConfig.set(resolved);
            }
        });
        Map<String, Object> attributes = Map.of(
                ConfiguredObject.TYPE,
                MEMORY,
                "initialConfigurationLocation",
                CONFIG,
                "startupLoggedToSystemOut",
                false,
                ConfiguredObject.CONTEXT,
                Map.of(
                        "qpid.work_dir",
                        work.path().toString(),
                        // Nothing here outlives the run, so user preferences need no file either.
                        "qpid.broker.defaultPreferenceStoreAttributes",
                        "{\"type\": \"Noop\"}"));
        try {
            launcher.startup(attributes);
        } catch (Exception e) {
            work.delete();
            throw new IllegalStateException("Embedded Qpid Broker-J did not start", e);
        }
        return new EmbeddedQpid(launcher, (Broker<?>) systemConfig.get().getContainer(), work);
    }

    /** The loopback port the broker bound; asked for as port 0 so that no two runs collide. */
    int port() {
        return broker.getChildren(Port.class).stream()
                .filter(port -> "AMQP".equals(port.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Qpid has no AMQP port"))
                .getBoundPort();
    }

    @Override
    public boolean create(String name) {
        asSystem(() -> broker.createChild(
                VirtualHostNode.class,
                Map.of(
                        ConfiguredObject.NAME, name,
                        ConfiguredObject.TYPE, MEMORY,
                        VirtualHostNode.VIRTUALHOST_INITIAL_CONFIGURATION, "{\"type\": \"" + MEMORY + "\"}")));
        return true;
    }

    @Override
    public void delete(String name) {
        asSystem(() -> {
            VirtualHostNode<?> node = broker.getChildByName(VirtualHostNode.class, name);
            if (node != null) {
                node.delete();
            }
            return null;
        });
    }

    @Override
    public void close() {
        try {
            launcher.shutdown();
        } finally {
            work.delete();
        }
    }

    /** Changes to Qpid's object model are checked against the caller's subject: act as the broker. */
    private <T> T asSystem(PrivilegedAction<T> action) {
        Subject system = new Subject(true, Set.of(launcher.getSystemPrincipal()), Set.of(), Set.of());
        return Subject.doAs(system, action);
    }
}
