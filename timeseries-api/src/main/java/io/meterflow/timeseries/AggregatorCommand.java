package io.meterflow.timeseries;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jetty.HttpConnectorFactory;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code aggregator [CONFIG.yml]}: runs only the Kafka Streams aggregator, for deployments that
 * scale it apart from the API. It serves its health check and Prometheus metrics on
 * {@code METERFLOW_AGGREGATOR_PORT} (8044), not the API's port.
 */
final class AggregatorCommand extends ServerCommand<TimeseriesConfiguration> {

    static final int DEFAULT_PORT = 8044;

    AggregatorCommand(Application<TimeseriesConfiguration> application) {
        super(application, "aggregator", "Runs the Kafka Streams aggregator alone (measures topic -> PostgreSQL)");
    }

    @Override
    protected void run(Bootstrap<TimeseriesConfiguration> bootstrap, Namespace namespace,
            TimeseriesConfiguration configuration) throws Exception {
        configuration.runAggregatorOnly();
        if (configuration.getServerFactory() instanceof SimpleServerFactory simple
                && simple.getConnector() instanceof HttpConnectorFactory http) {
            String port = System.getenv("METERFLOW_AGGREGATOR_PORT");
            http.setPort(port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.strip()));
        }
        super.run(bootstrap, namespace, configuration);
    }
}
