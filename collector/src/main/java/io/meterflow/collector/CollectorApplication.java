package io.meterflow.collector;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.meterflow.collector.amqp.AmqpTopology;
import io.meterflow.collector.amqp.DeadLetterPublisher;
import io.meterflow.collector.amqp.NotificationConsumer;
import io.meterflow.collector.amqp.NotificationListener;
import io.meterflow.collector.ingest.CollectorMetrics;
import io.meterflow.collector.ingest.DropwizardCollectorMetrics;
import io.meterflow.collector.ingest.MessageLedger;
import io.meterflow.collector.ingest.NotificationProcessor;
import io.meterflow.collector.ingest.ProcessingWarmUp;
import io.meterflow.collector.meter.DefaultMeterDefinitions;
import io.meterflow.collector.meter.MeterDefinitionException;
import io.meterflow.collector.meter.MeterDefinitionLoader;
import io.meterflow.collector.meter.MeterDefinitions;
import io.meterflow.collector.notification.EnvelopeParser;
import io.meterflow.collector.notification.NovaFormat;
import io.meterflow.collector.notification.NovaTwins;
import io.meterflow.collector.poll.HypervisorPolling;
import io.meterflow.collector.poll.KafkaCycleSink;
import io.meterflow.collector.polling.MeterSelection;
import io.meterflow.collector.publish.KafkaPublisher;
import io.meterflow.collector.replay.ReplayCommand;
import io.meterflow.collector.resource.ResourceLifecycle;
import io.meterflow.deployment.DeploymentNamespace;
import io.meterflow.deployment.DeploymentRegistry;
import io.meterflow.deployment.NamespaceChoice;
import io.meterflow.serviceconfig.ServiceConfigSources;
import io.meterflow.singlenode.SingleNodeKafka;
import io.meterflow.wire.ProjectEventCodec;
import io.meterflow.wire.ResourceEventCodec;
import io.meterflow.wire.SampleCodec;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The collector: {@code server} consumes OpenStack notifications from RabbitMQ and publishes
 * samples and resource events to Kafka; {@code replay FILE} prints the samples of recorded
 * notifications. This class only wires objects together.
 */
public final class CollectorApplication extends Application<CollectorConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorApplication.class);
    public static final String DEFAULT_CONFIG = "meterflow-collector.yml";
    private static final int TWIN_MEMORY = 200_000;
    private static final int LEDGER_SIZE = 500_000;

    public static void main(String[] args) throws Exception {
        new CollectorApplication()
                .run(ServiceConfigSources.withPackagedConfig(args, DEFAULT_CONFIG, "server", "check"));
    }

    private final UnaryOperator<String> environment;

    /** A service configured by this process's environment variables. */
    public CollectorApplication() {
        this(System::getenv);
    }

    /**
     * A service configured by {@code environment} instead of the process's variables: how the
     * all-in-one runs several services in one JVM, each with its own database and ports.
     */
    public CollectorApplication(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String getName() {
        return "meterflow-collector";
    }

    @Override
    public void initialize(Bootstrap<CollectorConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(ServiceConfigSources.fileOrPackagedWith(environment));
        ObjectMapper json = bootstrap.getObjectMapper();
        bootstrap.addCommand(new ReplayCommand(
                namespace -> processor(
                        json,
                        namespace.<String>getList("meters").stream()
                                .map(Path::of)
                                .toList(),
                        NovaFormat.parse(namespace.getString("nova_format")),
                        Boolean.parseBoolean(namespace.getString("dead_letter_unmatched"))),
                json));
    }

    @Override
    public void run(CollectorConfiguration config, Environment environment) throws Exception {
        exposeMetricsForPrometheus(environment);
        SingleNodeKafka kafka = SingleNodeKafka.resolve(
                config.kafka().bootstrapServers(),
                config.dataDir().resolve("kafka"),
                config.kafka().embedded());
        LOG.info("Samples and resource events go to {}", kafka.description());
        // Managed objects stop in reverse order: the broker, if it runs here, goes after its clients.
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                kafka.close();
            }
        });
        DeploymentNamespace namespace = NamespaceChoice.forServiceWithoutDatabase(
                config.kafka().deployment(),
                new DeploymentRegistry(kafka.bootstrapServers(), config.kafka().deploymentsTopic()),
                Duration.ofSeconds(config.kafka().deploymentWaitSeconds()));
        LOG.info("Publishing in Kafka {}", namespace.describe());
        KafkaPublisher publisher = kafkaPublisher(
                config, namespace, kafka.bootstrapServers(), environment.getObjectMapper(), "meterflow-collector");
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                publisher.close();
            }
        });
        CollectorConfiguration.Polling polling = config.polling();
        if (!polling.mode().equals("off")) {
            environment.lifecycle().manage(hypervisorPolling(polling, publisher, Clock.systemUTC()));
            LOG.info("Polling {} every {} s", polling.uri(), polling.intervalSeconds());
            if (polling.mode().equals("only")) {
                return;
            }
        }
        // Started in this order: the warm-up is over before the consumer attaches.
        environment.lifecycle().manage(warmUp(config, environment.getObjectMapper()));
        NotificationConsumer consumer = consumer(
                config,
                environment.getObjectMapper(),
                publisher,
                new DropwizardCollectorMetrics(environment.metrics()),
                Clock.systemUTC());
        environment.lifecycle().manage(consumer);
        environment.healthChecks().register("amqp-consumer", new HealthCheck() {
            @Override
            protected Result check() {
                return consumer.isRunning() ? Result.healthy() : Result.unhealthy("no active RabbitMQ consumer");
            }
        });
    }

    /** The compute node's polling, publishing each cycle's samples with the notifications' publisher. */
    static HypervisorPolling hypervisorPolling(
            CollectorConfiguration.Polling polling, KafkaPublisher publisher, Clock clock) {
        return new HypervisorPolling(
                polling.uri(),
                MeterSelection.parse(polling.meters()),
                polling.host().isEmpty() ? localHost() : polling.host(),
                Duration.ofSeconds(polling.intervalSeconds()),
                Duration.ofSeconds(polling.jitterSeconds()),
                polling.threads(),
                new KafkaCycleSink(publisher, Duration.ofSeconds(60)),
                clock);
    }

    private static String localHost() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** With a processor of its own: the live one's ledger and twin memory never see the warm-up. */
    static ProcessingWarmUp warmUp(CollectorConfiguration config, ObjectMapper json) {
        CollectorConfiguration.Meters meters = config.meters();
        Duration budget = Duration.ofMillis(meters.warmUpMillis());
        return new ProcessingWarmUp(
                processor(
                        json,
                        meters.definitionPaths(),
                        NovaFormat.parse(meters.novaFormat()),
                        meters.deadLetterUnmatched()),
                new SampleCodec(json),
                new ResourceEventCodec(json),
                budget.isZero() ? List.of() : ProcessingWarmUp.bundledNotifications(),
                budget,
                compilationMillis(),
                Clock.systemUTC());
    }

    /** Zero throughout where the JVM does not tell, and then the warm-up stops after its minimum. */
    private static LongSupplier compilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit::getTotalCompilationTime : () -> 0;
    }

    static KafkaPublisher kafkaPublisher(
            CollectorConfiguration config,
            DeploymentNamespace namespace,
            String bootstrapServers,
            ObjectMapper json,
            String clientId) {
        CollectorConfiguration.Kafka kafka = config.kafka();
        return new KafkaPublisher(
                KafkaPublisher.producer(bootstrapServers, kafka.deliveryTimeoutMs(), clientId),
                new SampleCodec(json),
                new ResourceEventCodec(json),
                namespace.name(kafka.samplesTopic()),
                namespace.name(kafka.resourceEventsTopic()),
                new ProjectEventCodec(json),
                namespace.name(kafka.projectEventsTopic()));
    }

    /** The whole live path from RabbitMQ to the publisher; the server and the integration tests share it. */
    static NotificationConsumer consumer(
            CollectorConfiguration config,
            ObjectMapper json,
            KafkaPublisher publisher,
            CollectorMetrics metrics,
            Clock clock) {
        CollectorConfiguration.Amqp amqp = config.amqp();
        CollectorConfiguration.Meters meters = config.meters();
        NotificationProcessor processor = processor(
                json, meters.definitionPaths(), NovaFormat.parse(meters.novaFormat()), meters.deadLetterUnmatched());
        CachingConnectionFactory connections = new CachingConnectionFactory(URI.create(amqp.url()));
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        connections.setConnectionNameStrategy(f -> "meterflow-collector");
        AmqpTopology topology = new AmqpTopology(
                amqp.exchanges(),
                amqp.routingKeys(),
                amqp.queuePrefix(),
                amqp.deadLetterQueue(),
                amqp.exchangeDurable());
        DeadLetterPublisher deadLetters =
                new DeadLetterPublisher(new RabbitTemplate(connections), amqp.deadLetterQueue());
        NotificationListener listener = new NotificationListener(processor, publisher, deadLetters, metrics, clock);
        return new NotificationConsumer(
                connections, topology, listener, amqp.prefetch(), amqp.concurrency(), amqp.batchSize());
    }

    /** Every Dropwizard metric (JVM, ours) at /admin/prometheus, as the time-series API does. */
    private static void exposeMetricsForPrometheus(Environment environment) {
        PrometheusRegistry prometheus = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(environment.metrics()).register(prometheus);
        environment
                .admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(prometheus))
                .addMapping("/prometheus");
    }

    static NotificationProcessor processor(
            ObjectMapper json, List<Path> meterFiles, NovaFormat novaFormat, boolean deadLetterUnmatched) {
        return new NotificationProcessor(
                new EnvelopeParser(json),
                definitions(json, meterFiles),
                new ResourceLifecycle(),
                novaFormat,
                new NovaTwins(TWIN_MEMORY),
                new MessageLedger(LEDGER_SIZE),
                deadLetterUnmatched);
    }

    /** Definitions Ceilometer would half-load are refused at start: a missing meter is a billing gap. */
    static MeterDefinitions definitions(ObjectMapper json, List<Path> meterFiles) {
        try {
            MeterDefinitionLoader.Result loaded =
                    new MeterDefinitionLoader(json).load(DefaultMeterDefinitions.sources(meterFiles));
            if (!loaded.problems().isEmpty()) {
                throw new MeterDefinitionException(
                        meterFiles.isEmpty() ? "built-in" : meterFiles.toString(), loaded.problems());
            }
            return loaded.definitions();
        } catch (IOException e) {
            throw new MeterDefinitionException(meterFiles.toString(), List.of(e.toString()));
        }
    }
}
