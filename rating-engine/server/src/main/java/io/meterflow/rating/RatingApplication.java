package io.meterflow.rating;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.meterflow.keystone.KeystoneTokens;
import io.meterflow.policy.Policy;
import io.meterflow.rating.access.AccessFilter;
import io.meterflow.rating.access.RatingPolicies;
import io.meterflow.rating.api.CloudKittyErrorMapper;
import io.meterflow.rating.api.CloudKittyJson;
import io.meterflow.rating.api.CorsFilter;
import io.meterflow.rating.api.RootResource;
import io.meterflow.rating.api.UnexpectedErrorMapper;
import io.meterflow.rating.api.WebApplicationErrorMapper;
import io.meterflow.rating.billing.Billing;
import io.meterflow.rating.billing.BusNotifier;
import io.meterflow.rating.collectorconfig.CollectorConfigResource;
import io.meterflow.rating.database.DatabaseHealthCheck;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.database.RatingMigrations;
import io.meterflow.rating.dataframes.DataframesResource;
import io.meterflow.rating.dataframes.RatedDataStore;
import io.meterflow.rating.dataframes.ReportResource;
import io.meterflow.rating.dataframes.StorageResource;
import io.meterflow.rating.dataframes.SummaryResource;
import io.meterflow.rating.hashmap.HashMapResource;
import io.meterflow.rating.hashmap.HashMapStore;
import io.meterflow.rating.info.InfoResource;
import io.meterflow.rating.lifespan.ProjectEventsConsumer;
import io.meterflow.rating.lifespan.ProjectLifespans;
import io.meterflow.rating.modules.ModulesResource;
import io.meterflow.rating.modules.RatingModules;
import io.meterflow.rating.processor.Processor;
import io.meterflow.rating.processor.ProcessorLoop;
import io.meterflow.rating.processor.RatingPipeline;
import io.meterflow.rating.pyscripts.PyScriptStore;
import io.meterflow.rating.pyscripts.PyScriptsResource;
import io.meterflow.rating.quote.QuoteResource;
import io.meterflow.rating.scope.ReprocessResource;
import io.meterflow.rating.scope.ScopeDefaults;
import io.meterflow.rating.scope.ScopeResource;
import io.meterflow.rating.scope.ScopeStateStore;
import io.meterflow.rating.usage.MetricsConfiguration;
import io.meterflow.serviceconfig.ServiceConfigSources;
import io.meterflow.servicedatabase.ServiceDatabase;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The rating engine's API, CloudKitty v1 and v2 compatible. {@link #run} only wires objects
 * together; behaviour lives in the feature packages.
 */
public final class RatingApplication extends Application<RatingConfiguration> {

    /** The configuration used when the command line names no file. */
    public static final String DEFAULT_CONFIG = "meterflow-rating.yml";

    public static void main(String[] args) throws Exception {
        new RatingApplication()
                .run(ServiceConfigSources.withPackagedConfig(args, DEFAULT_CONFIG, "server", "check", "process"));
    }

    private Processor processor;
    private boolean processInBackground = true;

    private final UnaryOperator<String> environment;
    private final CompletionStage<?> processingStart;

    /** A service configured by this process's environment variables. */
    public RatingApplication() {
        this(System::getenv);
    }

    /**
     * A service configured by {@code environment} instead of the process's variables: how the
     * all-in-one runs several services in one JVM, each with its own database and ports.
     */
    public RatingApplication(UnaryOperator<String> environment) {
        this(environment, CompletableFuture.completedFuture(null));
    }

    /**
     * The same, whose processor rates nothing before {@code processingStart} completes: the API
     * answers meanwhile, so a launcher can load prices and history first (the all-in-one's demo).
     */
    public RatingApplication(UnaryOperator<String> environment, CompletionStage<?> processingStart) {
        this.environment = environment;
        this.processingStart = processingStart;
    }

    @Override
    public String getName() {
        return "meterflow-rating";
    }

    @Override
    public void initialize(Bootstrap<RatingConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(ServiceConfigSources.fileOrPackagedWith(environment));
        bootstrap.addCommand(new ProcessCommand(this));
    }

    @Override
    public void run(RatingConfiguration config, Environment environment) throws Exception {
        // Read before anything starts: a broken metrics.yml stops the service with every problem named.
        Map<String, Object> metricsFile = metricsFile(config);
        MetricsConfiguration metrics = MetricsConfiguration.read(metricsFile, config.scopeKey());

        ObjectMapper json = CloudKittyJson.newObjectMapper();
        CloudKittyJson.install(environment.jersey(), json);
        exposeMetricsForPrometheus(environment);
        DataSource dataSource = dataSource(config, environment);
        RatingMigrations.migrate(dataSource);
        environment.healthChecks().register("postgresql", new DatabaseHealthCheck(dataSource));

        Jdbc jdbc = new Jdbc(dataSource);
        Clock clock = Clock.systemUTC();
        HashMapStore hashmap = new HashMapStore(jdbc, UUID::randomUUID);
        RatingModules modules = new RatingModules(jdbc);
        RatedDataStore ratedData = new RatedDataStore(jdbc, json, config.scopeKey());
        ScopeStateStore scopes = new ScopeStateStore(jdbc, ratedData);

        var jersey = environment.jersey();
        jersey.register(
                config.basicAuth()
                        ? AccessFilter.basic(policy(config))
                        : new AccessFilter(
                                config.keystoneAuth()
                                        ? new KeystoneTokens(config.keystone().settings(), clock)
                                        : null,
                                policy(config)));
        jersey.register(new CloudKittyErrorMapper());
        jersey.register(new WebApplicationErrorMapper());
        jersey.register(new UnexpectedErrorMapper());
        if (!config.effectiveCorsAllowedOrigin().isEmpty()) {
            jersey.register(new CorsFilter(config.effectiveCorsAllowedOrigin()));
        }
        jersey.register(new RootResource());
        jersey.register(new InfoResource(metricsFile, metrics));
        jersey.register(new ModulesResource(modules));
        jersey.register(new HashMapResource(hashmap));
        jersey.register(new PyScriptsResource(new PyScriptStore(jdbc, UUID::randomUUID)));
        jersey.register(new QuoteResource(hashmap, modules, config.scopeKey()));
        jersey.register(new CollectorConfigResource(jdbc));
        jersey.register(new DataframesResource(ratedData, clock, config.scopeKey()));
        jersey.register(new SummaryResource(ratedData, clock));
        jersey.register(new ReportResource(ratedData, config.scopeKey(), clock));
        jersey.register(new StorageResource(ratedData, config.scopeKey()));
        jersey.register(new ScopeResource(scopes, new ScopeDefaults(config.scopeKey(), "gnocchi", "gnocchi"), json));
        jersey.register(new ReprocessResource(jdbc, scopes));
        NotificationConfiguration notifications = config.notifications();
        BusNotifier bus =
                new BusNotifier(notifications.amqpUrl(), notifications.exchange(), notifications.topic(), json, clock);
        environment.lifecycle().manage(bus);
        Billing billing =
                Billing.create(jdbc, json, Duration.ofSeconds(config.processor().period()), clock, bus);
        jersey.register(billing.resource());

        ProjectLifespans lifespans = ProcessorWiring.lifespans(config, jdbc);
        ProjectEventsConfiguration projectEvents = config.projectEvents();
        if (projectEvents.enabled()) {
            environment
                    .lifecycle()
                    .manage(new ProjectEventsConsumer(
                            projectEvents.bootstrapServers(),
                            projectEvents.topic(),
                            projectEvents.deadLetterTopic(),
                            projectEvents.groupId(),
                            lifespans,
                            ProcessorWiring.keystone(config),
                            json,
                            environment.metrics()));
        }

        ExecutorService workers =
                Executors.newFixedThreadPool(config.processor().workers(), named("rating-worker"));
        processor = ProcessorWiring.processor(
                config,
                metrics,
                jdbc,
                new RatingPipeline(hashmap, modules),
                ratedData,
                clock,
                workers,
                billing.charges()::refresh,
                lifespans,
                environment);
        if (config.processorRuns() && processInBackground) {
            environment
                    .lifecycle()
                    .manage(new ProcessorLoop(
                            processor,
                            workers,
                            Duration.ofSeconds(config.processor().intervalSeconds()),
                            processingStart));
        }
    }

    /** CloudKitty 22's defaults, under an operator's file when one is given; a broken file stops the start. */
    private static Policy policy(RatingConfiguration config) throws IOException {
        if (config.policyFile().isEmpty()) {
            return Policy.of(RatingPolicies.defaults());
        }
        return Policy.load(RatingPolicies.defaults(), java.nio.file.Path.of(config.policyFile()));
    }

    /** The processor built by the last {@link #run}: what {@code process} runs once. */
    Processor processor() {
        return processor;
    }

    /** Run by a command that drives the processor itself instead of the background loop. */
    void processInForeground() {
        processInBackground = false;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metricsFile(RatingConfiguration config) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        if (!config.metricsFile().isEmpty()) {
            try (InputStream in = Files.newInputStream(Path.of(config.metricsFile()))) {
                return yaml.readValue(in, Map.class);
            }
        }
        String packaged = config.cloudKittyTestsProfile() ? "metrics-cloudkitty-tests.yml" : "metrics.yml";
        try (InputStream in = RatingApplication.class.getClassLoader().getResourceAsStream(packaged)) {
            return yaml.readValue(in, Map.class);
        }
    }

    private static void exposeMetricsForPrometheus(Environment environment) {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new DropwizardExports(environment.metrics()));
        environment
                .admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(registry))
                // /prometheus as on every other Meterflow service; /metrics for existing scrapers.
                .addMapping("/prometheus", "/metrics");
    }

    private static DataSource dataSource(RatingConfiguration config, Environment environment) {
        return ServiceDatabase.dataSource(
                config.database(),
                config.dataDir(),
                "meterflow-rating",
                environment.metrics(),
                environment.lifecycle(),
                Map.of("reWriteBatchedInserts", "true"));
    }
}
