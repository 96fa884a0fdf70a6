package io.meterflow.timeseries;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.meterflow.deployment.DeploymentNamespace;
import io.meterflow.deployment.DeploymentRegistry;
import io.meterflow.deployment.NamespaceChoice;
import io.meterflow.deployment.Registration;
import io.meterflow.keystone.KeystoneTokens;
import io.meterflow.policy.Policy;
import io.meterflow.serviceconfig.ServiceConfigSources;
import io.meterflow.singlenode.SingleNodeKafka;
import io.meterflow.singlenode.SingleNodePostgres;
import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.access.GnocchiPolicies;
import io.meterflow.timeseries.aggregates.AggregatesProcessor;
import io.meterflow.timeseries.aggregates.AggregatesWarmUp;
import io.meterflow.timeseries.aggregator.Aggregator;
import io.meterflow.timeseries.aggregator.AggregatorProgress;
import io.meterflow.timeseries.aggregator.KafkaBacklog;
import io.meterflow.timeseries.api.ApiExceptionMapper;
import io.meterflow.timeseries.api.CorsFilter;
import io.meterflow.timeseries.api.EmptySegmentFilter;
import io.meterflow.timeseries.api.ErrorResponses;
import io.meterflow.timeseries.api.FailureMapper;
import io.meterflow.timeseries.api.ForwardedHeadersFilter;
import io.meterflow.timeseries.api.GnocchiJson;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.NulCharacterFilter;
import io.meterflow.timeseries.api.UnexpectedExceptionMapper;
import io.meterflow.timeseries.api.WebApplicationExceptionMapper;
import io.meterflow.timeseries.api.aggregates.AggregateQuery;
import io.meterflow.timeseries.api.aggregates.AggregatesResource;
import io.meterflow.timeseries.api.aggregates.AggregationResource;
import io.meterflow.timeseries.api.aggregates.ResourceAggregates;
import io.meterflow.timeseries.api.aggregates.ResourceAggregationResource;
import io.meterflow.timeseries.api.archivepolicy.ArchivePolicyResource;
import io.meterflow.timeseries.api.archivepolicyrule.ArchivePolicyRuleResource;
import io.meterflow.timeseries.api.auth.AuthMode;
import io.meterflow.timeseries.api.auth.AuthenticationFilter;
import io.meterflow.timeseries.api.auth.Authenticator;
import io.meterflow.timeseries.api.auth.BasicAuthenticator;
import io.meterflow.timeseries.api.auth.HeaderAuthenticator;
import io.meterflow.timeseries.api.auth.KeystoneAuthenticator;
import io.meterflow.timeseries.api.measure.BatchMeasureResource;
import io.meterflow.timeseries.api.measure.MeasureResource;
import io.meterflow.timeseries.api.measure.MeasuresJson;
import io.meterflow.timeseries.api.measure.MetricSearchResource;
import io.meterflow.timeseries.api.measure.ResourceMetricResource;
import io.meterflow.timeseries.api.metric.MetricResource;
import io.meterflow.timeseries.api.resource.ResourceResource;
import io.meterflow.timeseries.api.resource.ResourceSearchResource;
import io.meterflow.timeseries.api.resource.ResourceSearches;
import io.meterflow.timeseries.api.resource.ResourceView;
import io.meterflow.timeseries.api.resource.ResourcesJson;
import io.meterflow.timeseries.api.resourcetype.ResourceTypeResource;
import io.meterflow.timeseries.api.status.CapabilitiesResource;
import io.meterflow.timeseries.api.status.HealthcheckResource;
import io.meterflow.timeseries.api.status.StatusResource;
import io.meterflow.timeseries.api.status.VersionResource;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyDao;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyRequests;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyService;
import io.meterflow.timeseries.archivepolicy.BuiltInArchivePolicies;
import io.meterflow.timeseries.archivepolicy.BuiltInPolicyInstaller;
import io.meterflow.timeseries.archivepolicyrule.ArchivePolicyRuleDao;
import io.meterflow.timeseries.archivepolicyrule.ArchivePolicyRuleService;
import io.meterflow.timeseries.database.DatabaseHealthCheck;
import io.meterflow.timeseries.database.DeploymentRecord;
import io.meterflow.timeseries.database.Migrations;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.deadletter.DeadLetterBook;
import io.meterflow.timeseries.deadletter.DeadLetterLedger;
import io.meterflow.timeseries.ingest.IngestSettings;
import io.meterflow.timeseries.ingest.KafkaMeasureIntake;
import io.meterflow.timeseries.ingest.MeasureTopicNames;
import io.meterflow.timeseries.ingest.MeasuresTopics;
import io.meterflow.timeseries.measure.Backlog;
import io.meterflow.timeseries.measure.MeasureIntake;
import io.meterflow.timeseries.measure.MeasureReader;
import io.meterflow.timeseries.measure.MeasureWriter;
import io.meterflow.timeseries.measure.MeasuresParser;
import io.meterflow.timeseries.measure.ResourceMeasuresBatch;
import io.meterflow.timeseries.metric.MetricDao;
import io.meterflow.timeseries.metric.MetricService;
import io.meterflow.timeseries.resource.ResourceDao;
import io.meterflow.timeseries.resource.ResourceListing;
import io.meterflow.timeseries.resource.ResourceRequests;
import io.meterflow.timeseries.resource.ResourceRows;
import io.meterflow.timeseries.resource.ResourceService;
import io.meterflow.timeseries.resourcetype.AttributeDefinitions;
import io.meterflow.timeseries.resourcetype.AttributeIndexes;
import io.meterflow.timeseries.resourcetype.ResourceTypeDao;
import io.meterflow.timeseries.resourcetype.ResourceTypeRequests;
import io.meterflow.timeseries.resourcetype.ResourceTypeService;
import io.meterflow.timeseries.samples.CeilometerResourceTypeInstaller;
import io.meterflow.timeseries.samples.SampleIngest;
import io.meterflow.timeseries.samples.SampleTopicNames;
import io.meterflow.timeseries.search.ResourceFilterCompiler;
import io.meterflow.timeseries.search.SearchQueryParser;
import io.meterflow.timeseries.storage.AggregateStore;
import io.meterflow.timeseries.storage.BufferSlices;
import io.meterflow.timeseries.time.Timestamps;
import io.meterflow.wire.MeasureRecordCodec;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Gnocchi-compatible time-series API. {@link #run} only wires objects together; behaviour
 * lives in the feature packages.
 */
public final class TimeseriesApplication extends Application<TimeseriesConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(TimeseriesApplication.class);

    /** The configuration used when the command line names no file. */
    public static final String DEFAULT_CONFIG = "meterflow-timeseries.yml";

    public static void main(String[] args) throws Exception {
        new TimeseriesApplication()
                .run(ServiceConfigSources.withPackagedConfig(args, DEFAULT_CONFIG, "server", "check", "aggregator"));
    }

    private final UnaryOperator<String> environment;

    /** A service configured by this process's environment variables. */
    public TimeseriesApplication() {
        this(System::getenv);
    }

    /**
     * A service configured by {@code environment} instead of the process's variables: how the
     * all-in-one runs several services in one JVM, each with its own database and ports.
     */
    public TimeseriesApplication(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String getName() {
        return "meterflow-timeseries-api";
    }

    @Override
    public void initialize(Bootstrap<TimeseriesConfiguration> bootstrap) {
        bootstrap.addCommand(new AggregatorCommand(this));
        bootstrap.setConfigurationSourceProvider(ServiceConfigSources.fileOrPackagedWith(environment));
    }

    @Override
    public void run(TimeseriesConfiguration config, Environment environment) throws Exception {
        configureServer(config, environment);
        // The API's own mapper, with Gnocchi's JSON quirks; the environment's stays Dropwizard's.
        ObjectMapper json = GnocchiJson.newObjectMapper();
        GnocchiJson.install(environment.jersey(), json);

        exposeMetricsForPrometheus(environment);
        DataSource dataSource = dataSource(config, environment);
        Migrations.migrate(dataSource);
        environment.healthChecks().register("postgresql", new DatabaseHealthCheck(dataSource));

        Transactions transactions = new Transactions(dataSource);
        Clock clock = Clock.systemUTC();
        ArchivePolicyDao policyDao = new ArchivePolicyDao(json);
        MetricDao metricDao = new MetricDao(policyDao);
        AggregateStore store = new AggregateStore();
        BufferSlices slices = new BufferSlices();
        MeasureWriter writer = new MeasureWriter(transactions, store, slices, environment.metrics());

        // The index: the API serves it, and the sample ingest (wherever the aggregator runs) writes it.
        AccessPolicy access = new AccessPolicy(policy(config));
        ArchivePolicyRuleDao ruleDao = new ArchivePolicyRuleDao();
        new BuiltInPolicyInstaller(transactions, policyDao, ruleDao)
                .installOnNewDatabase(config.effectiveInstallDefaultArchivePolicies());
        ArchivePolicyRuleService rules = new ArchivePolicyRuleService(transactions, ruleDao);
        ResourceRows resourceRows = new ResourceRows(json);
        ResourceDao resourceDao = new ResourceDao(resourceRows);
        MetricService metrics =
                new MetricService(transactions, metricDao, policyDao, rules, resourceDao, access, UUID::randomUUID);
        Timestamps timestamps = new Timestamps(clock);
        MeasuresParser parser = new MeasuresParser(timestamps);
        AttributeDefinitions attributeDefinitions = new AttributeDefinitions(json, timestamps);
        ResourceTypeService resourceTypes = new ResourceTypeService(
                transactions, new ResourceTypeDao(attributeDefinitions), new AttributeIndexes());
        new CeilometerResourceTypeInstaller(transactions, resourceTypes, attributeDefinitions)
                .installOnNewDatabase(!config.gnocchiTestsProfile());
        ResourceService resources = new ResourceService(
                transactions,
                resourceDao,
                new ResourceListing(resourceRows),
                resourceTypes,
                metricDao,
                metrics,
                access,
                clock,
                UUID::randomUUID);
        ResourceRequests resourceRequests = new ResourceRequests(timestamps);
        DeadLetterBook deadLetters = new DeadLetterBook(transactions, new DeadLetterLedger());
        exposeDeadLetterCounts(environment, deadLetters);
        Ingest ingest = ingest(
                config,
                environment,
                transactions,
                store,
                slices,
                metricDao,
                writer,
                clock,
                new Index(resources, resourceRequests, timestamps, deadLetters));
        if (config.aggregatorOnly()) {
            return;
        }
        JsonBodies bodies = new JsonBodies(json);
        ErrorResponses errors = new ErrorResponses(json);
        ResourceSearches searches = new ResourceSearches(
                resources,
                resourceTypes,
                new SearchQueryParser(),
                new ResourceFilterCompiler(timestamps),
                access,
                new ResourcesJson(json),
                config.effectiveMaxLimit());

        var jersey = environment.jersey();
        jersey.register(new EmptySegmentFilter());
        jersey.register(new NulCharacterFilter());
        jersey.register(new AuthenticationFilter(authenticator(config)));
        if (config.effectiveProxyHeaders()) {
            jersey.register(new ForwardedHeadersFilter());
        }
        jersey.register(new ApiExceptionMapper(errors));
        jersey.register(new FailureMapper(errors));
        jersey.register(new WebApplicationExceptionMapper(errors));
        jersey.register(new UnexpectedExceptionMapper(errors));
        if (!config.effectiveCorsAllowedOrigin().isEmpty()) {
            jersey.register(new CorsFilter(config.effectiveCorsAllowedOrigin()));
        }
        jersey.register(new VersionResource());
        jersey.register(new HealthcheckResource(environment.healthChecks(), clock));
        jersey.register(new CapabilitiesResource());
        jersey.register(new StatusResource(access, processorName(), ingest.backlog(), ingest.mode(), deadLetters));
        jersey.register(new ArchivePolicyResource(
                new ArchivePolicyService(transactions, policyDao),
                new ArchivePolicyRequests(BuiltInArchivePolicies.DEFAULT_METHODS),
                bodies,
                access));
        jersey.register(new ArchivePolicyRuleResource(rules, bodies, access));
        MetricResource metricResource = new MetricResource(
                metrics,
                bodies,
                config.effectiveMaxLimit(),
                resourceId -> resources
                        .find("generic", resourceId)
                        .map(r -> ResourceView.of(r, null))
                        .orElse(null));
        jersey.register(metricResource);
        MeasureReader reader = new MeasureReader(transactions, store);
        MeasureResource measureResource = new MeasureResource(
                metrics,
                parser,
                ingest.intake(),
                reader,
                bodies,
                access,
                timestamps,
                new MeasuresJson(json),
                ingest.backlog());
        jersey.register(measureResource);
        jersey.register(new ResourceTypeResource(
                resourceTypes, new ResourceTypeRequests(attributeDefinitions), bodies, access));
        jersey.register(new ResourceResource(resources, resourceRequests, searches, bodies));
        jersey.register(new ResourceMetricResource(
                resources, resourceRequests, metrics, metricResource, measureResource, bodies));
        jersey.register(new ResourceSearchResource(resources, searches, bodies));
        jersey.register(new MetricSearchResource(metrics, reader, bodies, access, timestamps));
        AggregatesProcessor aggregates = new AggregatesProcessor(transactions, store);
        environment.lifecycle().manage(new AggregatesWarmUp(aggregates, json, config.warmUpRounds()));
        AggregateQuery aggregateQueries = new AggregateQuery(timestamps);
        ResourceAggregates resourceAggregates = new ResourceAggregates(searches, metrics);
        jersey.register(new AggregatesResource(
                metrics, aggregates, aggregateQueries, bodies, access, resourceAggregates, searches, resourceTypes));
        AggregationResource aggregation = new AggregationResource(
                metrics, aggregates, reader, aggregateQueries, bodies, access, ingest.backlog());
        jersey.register(aggregation);
        jersey.register(
                new ResourceAggregationResource(resourceTypes, searches, resourceAggregates, aggregation, bodies));
        jersey.register(new BatchMeasureResource(
                metrics,
                new ResourceMeasuresBatch(
                        transactions,
                        metricDao,
                        metrics,
                        resourceDao,
                        parser,
                        ingest.intake(),
                        access,
                        UUID::randomUUID),
                parser,
                ingest.intake(),
                bodies,
                access));
    }

    /** Where the API's measures go and how far behind their aggregation is. */
    private record Ingest(MeasureIntake intake, Backlog backlog, String mode) {}

    /** What the sample ingest writes the index with. */
    private record Index(
            ResourceService resources, ResourceRequests requests, Timestamps timestamps, DeadLetterBook deadLetters) {}

    /**
     * Direct mode: the writer folds within the request. Kafka mode: a producer to the measures
     * topic, the backlog read from Kafka and aggregator_progress, and (single node, or the
     * {@code aggregator} command) the aggregator in this process; with no bootstrap servers
     * configured, the single-node broker under the data directory.
     */
    private static Ingest ingest(
            TimeseriesConfiguration config,
            Environment environment,
            Transactions transactions,
            AggregateStore store,
            BufferSlices slices,
            MetricDao metricDao,
            MeasureWriter writer,
            Clock clock,
            Index index) {
        IngestSettings settings = config.ingest();
        if (!settings.kafka()) {
            return new Ingest(writer, Backlog.NONE, "synchronous");
        }
        SingleNodeKafka kafka = SingleNodeKafka.resolve(
                settings.bootstrapServers(), Path.of(config.dataDir(), "kafka"), settings.embedded());
        LOG.info("Measures go through {}", kafka.description());
        String bootstrapServers = kafka.bootstrapServers();
        // Managed objects stop in reverse order: the broker, when it runs here, stops after its clients.
        environment.lifecycle().manage(new io.dropwizard.lifecycle.Managed() {
            @Override
            public void stop() {
                kafka.close();
            }
        });
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        environment.lifecycle().manage(new io.dropwizard.lifecycle.Managed() {
            @Override
            public void stop() {
                admin.close(Duration.ofSeconds(5));
            }
        });
        DeploymentNamespace namespace = claimNamespace(settings, bootstrapServers, transactions, clock);
        MeasureTopicNames names = MeasureTopicNames.of(settings, namespace);
        MeasuresTopics.ensure(admin, names, settings.partitions());
        KafkaBacklog backlog = new KafkaBacklog(
                admin,
                transactions,
                new AggregatorProgress(),
                names.measures(),
                names.aggregatorApplicationId(),
                Duration.ofMillis(settings.refreshTimeoutMs()),
                bootstrapServers);
        if (settings.aggregatorInProcess() || config.aggregatorOnly()) {
            Aggregator aggregator = new Aggregator(
                    settings,
                    names,
                    bootstrapServers,
                    transactions,
                    store,
                    slices,
                    metricDao,
                    environment.metrics(),
                    Path.of(config.dataDir(), "aggregator"),
                    clock);
            environment.lifecycle().manage(aggregator);
            environment.healthChecks().register("aggregator", aggregator.healthCheck());
            if (config.sampleIngest().enabled()) {
                SampleIngest samples = new SampleIngest(
                        config.sampleIngest(),
                        SampleTopicNames.of(config.sampleIngest(), namespace),
                        names.measures(),
                        bootstrapServers,
                        admin,
                        index.resources(),
                        index.requests(),
                        index.timestamps(),
                        environment.metrics(),
                        index.deadLetters(),
                        Path.of(config.dataDir(), "sample-ingest"),
                        clock);
                environment.lifecycle().manage(samples);
                environment.healthChecks().register("sample-ingest", samples.healthCheck());
            }
        }
        if (config.aggregatorOnly()) {
            return new Ingest(writer, backlog, "kafka");
        }
        KafkaMeasureIntake intake = new KafkaMeasureIntake(
                new KafkaProducer<>(producerConfig(bootstrapServers, settings.acknowledgeTimeoutMs())),
                transactionalId -> new KafkaProducer<>(transactionalProducerConfig(
                        bootstrapServers, settings.acknowledgeTimeoutMs(), transactionalId)),
                // Unique to this process: a live process's transactions are never fenced by another's.
                names.measures() + "-api-" + processorName(),
                names.measures(),
                new MeasureRecordCodec(),
                Duration.ofMillis(settings.acknowledgeTimeoutMs()),
                environment.metrics());
        environment.lifecycle().manage(intake);
        return new Ingest(intake, backlog, "kafka");
    }

    /**
     * The deployment's namespace (configured, or given by the database's deployment id), claimed
     * in the cluster's registry so that no other deployment's database folds its topics: a
     * conflict stops the start with a message naming both deployments.
     */
    private static DeploymentNamespace claimNamespace(
            IngestSettings settings, String bootstrapServers, Transactions transactions, Clock clock) {
        DeploymentRecord deployment = DeploymentRecord.read(transactions);
        DeploymentNamespace namespace =
                NamespaceChoice.forDatabase(settings.deployment(), deployment.id(), deployment.legacyTopics());
        new DeploymentRegistry(bootstrapServers, settings.deploymentsTopic())
                .claim(new Registration(namespace, deployment.id(), describeDatabase(transactions), clock.instant()));
        LOG.info("Deployment {}: Kafka {}", deployment.id(), namespace.describe());
        return namespace;
    }

    /** Host and database, for the registry's messages: no credentials. */
    private static String describeDatabase(Transactions transactions) {
        String database = transactions.read(connection -> {
            var meta = connection.getMetaData();
            String url = meta.getURL();
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query);
        });
        return "first started on host " + processorName() + ", database " + database;
    }

    /**
     * A producer of the atomic batches: a killed process's open transaction is aborted by the
     * broker after 10 s, the longest the aggregator then waits behind it.
     */
    private static Map<String, Object> transactionalProducerConfig(
            String bootstrapServers, int acknowledgeTimeoutMs, String transactionalId) {
        Map<String, Object> producer = producerConfig(bootstrapServers, acknowledgeTimeoutMs);
        producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        producer.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        return producer;
    }

    private static Map<String, Object> producerConfig(String bootstrapServers, int acknowledgeTimeoutMs) {
        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // With the broker gone, send() itself waits for metadata (60 s by default): a request must
        // get its 503 within the acknowledgement timeout, not hold a server thread for a minute.
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, acknowledgeTimeoutMs);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Requests of many metrics become a few batches per partition instead of a record each.
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        producer.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producer.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return producer;
    }

    /**
     * The dead letters of every process of the deployment, from the database, beside the meters
     * of the processes' own: an alert on these fires whichever process dead-lettered.
     */
    private static void exposeDeadLetterCounts(Environment environment, DeadLetterBook deadLetters) {
        for (DeadLetterLedger.Kind kind : DeadLetterLedger.Kind.values()) {
            environment
                    .metrics()
                    .register("meterflow.dead-letters." + kind.column() + ".records", (com.codahale.metrics.Gauge<Long>)
                            () -> deadLetters.totals().get(kind).records());
        }
    }

    /** Every Dropwizard metric (JVM, Jetty, pool, ours) at /admin/prometheus. */
    private static void exposeMetricsForPrometheus(Environment environment) {
        PrometheusRegistry prometheus = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(environment.metrics()).register(prometheus);
        environment
                .admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(prometheus))
                .addMapping("/prometheus");
    }

    /**
     * Proxy headers are applied by ForwardedHeadersFilter, never by Jetty as well; empty path
     * segments (gnocchiclient's {@code //name}) pass Jetty and are collapsed by EmptySegmentFilter.
     */
    private static void configureServer(TimeseriesConfiguration config, Environment environment) {
        if (config.getServerFactory() instanceof SimpleServerFactory simple
                && simple.getConnector() instanceof HttpConnectorFactory http) {
            http.setUseForwardedHeaders(false);
            http.setUriCompliance(
                    UriCompliance.DEFAULT.with("gnocchi-clients", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        }
        environment.getApplicationContext().getServletHandler().setDecodeAmbiguousURIs(true);
    }

    private static DataSource dataSource(TimeseriesConfiguration config, Environment environment) throws Exception {
        SingleNodePostgres database =
                SingleNodePostgres.resolve(config.database().url(), Path.of(config.dataDir(), "postgres"), "meterflow");
        environment.lifecycle().manage(new io.dropwizard.lifecycle.Managed() {
            @Override
            public void stop() {
                database.close();
            }
        });
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(database.jdbcUrl());
        hikari.setMaximumPoolSize(config.database().maxPoolSize());
        hikari.setPoolName("meterflow-timeseries");
        hikari.setMetricRegistry(environment.metrics());
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource dataSource = new HikariDataSource(hikari);
        environment.lifecycle().manage(new io.dropwizard.lifecycle.Managed() {
            @Override
            public void stop() {
                dataSource.close();
            }
        });
        return dataSource;
    }

    /** Gnocchi's defaults, under an operator's file when one is given; a broken file stops the start. */
    private static Policy policy(TimeseriesConfiguration config) throws java.io.IOException {
        if (config.policyFile().isEmpty()) {
            return Policy.of(GnocchiPolicies.defaults());
        }
        return Policy.load(GnocchiPolicies.defaults(), Path.of(config.policyFile()));
    }

    private static Authenticator authenticator(TimeseriesConfiguration config) {
        return switch (AuthMode.parse(config.authMode())) {
            case BASIC -> new BasicAuthenticator();
            case NOAUTH -> new HeaderAuthenticator();
            case KEYSTONE ->
                new KeystoneAuthenticator(
                        new KeystoneTokens(config.keystone().settings(), Clock.systemUTC()),
                        config.keystone().settings().url().toString());
        };
    }

    private static String processorName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "."
                    + ProcessHandle.current().pid();
        } catch (UnknownHostException unknown) {
            return "meterflow." + ProcessHandle.current().pid();
        }
    }
}
