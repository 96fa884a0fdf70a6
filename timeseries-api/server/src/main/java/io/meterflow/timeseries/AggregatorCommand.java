package io.meterflow.timeseries;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jetty.HttpConnectorFactory;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code aggregator [CONFIG.yml]}: runs the stream jobs without the API, for deployments that
 * scale them apart from it: the aggregator (measures topic to PostgreSQL) and, unless
 * {@code sampleIngest.enabled} is false, the sample ingest (the collector's samples and resource
 * events to resources, metrics and measures). It serves its health check and Prometheus metrics on
 * {@code aggregatorPort} (8044), not the API's port.
 */
final class AggregatorCommand extends ServerCommand<TimeseriesConfiguration> {

    AggregatorCommand(Application<TimeseriesConfiguration> application) {
        super(
                application,
                "aggregator",
                "Runs the stream jobs without the API: the aggregator (measures topic -> PostgreSQL) and the "
                        + "sample ingest (samples and resource events -> resources, metrics, measures)");
    }

    @Override
    protected void run(
            Bootstrap<TimeseriesConfiguration> bootstrap, Namespace namespace, TimeseriesConfiguration configuration)
            throws Exception {
        configuration.runAggregatorOnly();
        if (configuration.getServerFactory() instanceof SimpleServerFactory simple
                && simple.getConnector() instanceof HttpConnectorFactory http) {
            http.setPort(configuration.aggregatorPort());
        }
        super.run(bootstrap, namespace, configuration);
    }
}
