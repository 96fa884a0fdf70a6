package io.meterflow.reports.portal;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * A Dropwizard server in the test JVM that does what the reports server does with the portal: one
 * {@link PortalResources#register} call in {@code run}, served at the root as in meterflow-reports.yml.
 */
public final class PortalServer implements AutoCloseable {

    private final DropwizardTestSupport<Configuration> support;
    private final PortalResources portal;

    private PortalServer(DropwizardTestSupport<Configuration> support, PortalResources portal) {
        this.support = support;
        this.portal = portal;
    }

    /** Starts a server whose {@code run} registers what {@code wiring} builds from its Jersey environment. */
    public static PortalServer start(Function<Environment, PortalResources> wiring) throws Exception {
        PortalResources[] registered = new PortalResources[1];
        Application<Configuration> app = new Application<>() {
            @Override
            public void run(Configuration configuration, Environment environment) {
                registered[0] = wiring.apply(environment);
            }
        };
        @SuppressWarnings("unchecked")
        Class<? extends Application<Configuration>> type = (Class<? extends Application<Configuration>>) app.getClass();
        DropwizardTestSupport<Configuration> support = new DropwizardTestSupport<>(type, configuration()) {
            @Override
            public Application<Configuration> newApplication() {
                return app;
            }
        };
        support.before();
        return new PortalServer(support, registered[0]);
    }

    private static Configuration configuration() {
        HttpConnectorFactory http = new HttpConnectorFactory();
        http.setBindHost("127.0.0.1");
        http.setPort(0);
        SimpleServerFactory server = new SimpleServerFactory();
        server.setConnector(http);
        server.setApplicationContextPath("/");
        server.setAdminContextPath("/admin");
        server.setRegisterDefaultExceptionMappers(false); // as meterflow-reports.yml
        ((LogbackAccessRequestLogFactory) server.getRequestLogFactory()).setAppenders(List.of());
        Configuration configuration = new Configuration();
        configuration.setServerFactory(server);
        ((DefaultLoggingFactory) configuration.getLoggingFactory()).setLevel("WARN");
        return configuration;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + support.getLocalPort());
    }

    public PortalResources portal() {
        return portal;
    }

    @Override
    public void close() {
        support.after();
    }
}
