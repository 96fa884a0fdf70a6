package io.meterflow.rating;

import io.dropwizard.core.setup.Environment;
import io.meterflow.gnocchiclient.GnocchiClient;
import io.meterflow.gnocchiclient.GnocchiConfig;
import io.meterflow.gnocchiclient.auth.BasicAuth;
import io.meterflow.gnocchiclient.auth.GnocchiAuth;
import io.meterflow.gnocchiclient.auth.KeystoneTokenAuth;
import io.meterflow.gnocchiclient.auth.NoAuth;
import io.meterflow.keystone.KeystoneProjects;
import io.meterflow.keystone.KeystoneTokens;
import io.meterflow.keystone.ServiceToken;
import io.meterflow.rating.collect.ConfiguredScopes;
import io.meterflow.rating.collect.GnocchiScopeFetcher;
import io.meterflow.rating.collect.GnocchiUsageCollector;
import io.meterflow.rating.collect.KeystoneProjectDirectory;
import io.meterflow.rating.collect.KeystoneScopeFetcher;
import io.meterflow.rating.collect.ScopeFetcher;
import io.meterflow.rating.collect.UsageCollector;
import io.meterflow.rating.collect.WholePeriodCollector;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.dataframes.RatedDataStore;
import io.meterflow.rating.lifespan.LifespanScopes;
import io.meterflow.rating.lifespan.ProjectLifespans;
import io.meterflow.rating.processor.Processor;
import io.meterflow.rating.processor.ProcessorSettings;
import io.meterflow.rating.processor.RatingPipeline;
import io.meterflow.rating.processor.ScopeProcessor;
import io.meterflow.rating.usage.MetricsConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Builds the processor from the configuration: which API usage comes from, which scopes, which periods. */
final class ProcessorWiring {

    private ProcessorWiring() {}

    static Processor processor(
            RatingConfiguration config,
            MetricsConfiguration metrics,
            Jdbc jdbc,
            RatingPipeline pipeline,
            RatedDataStore ratedData,
            Clock clock,
            ExecutorService workers,
            Processor.ScopeRated afterScope,
            ProjectLifespans lifespans,
            Environment environment) {
        ProcessorConfiguration settings = config.processor();
        GnocchiAuth auth = timeseriesAuth(config, clock);
        GnocchiClient client = new GnocchiClient(GnocchiConfig.of(URI.create(settings.timeseriesUrl()), auth));
        ScopeFetcher configured = switch (settings.fetcher()) {
            case "keystone" -> new KeystoneScopeFetcher(keystoneSelection(config, clock));
            case "source" -> new ConfiguredScopes(settings.scopes());
            default -> new GnocchiScopeFetcher(client, settings.fetcherResourceTypes(), config.scopeKey());
        };
        ScopeFetcher fetcher = new LifespanScopes(configured, lifespans);
        Duration period = Duration.ofSeconds(settings.period());
        ExecutorService collectThreads =
                Executors.newFixedThreadPool(settings.collectThreads() * settings.workers(), runnable -> {
                    Thread thread = new Thread(runnable, "rating-collect");
                    thread.setDaemon(true);
                    return thread;
                });
        GnocchiUsageCollector gnocchi = new GnocchiUsageCollector(
                client,
                metrics,
                config.scopeKey(),
                period,
                settings.skipZeroQuantity(),
                settings.useHistory(),
                collectThreads);
        UsageCollector collector =
                settings.collectWholePeriods() ? new WholePeriodCollector(gnocchi, config.scopeKey(), 2) : gnocchi;
        ScopeProcessor scopes = new ScopeProcessor(
                jdbc,
                collector,
                ratedData,
                new ProcessorSettings(period, settings.waitPeriods(), firstPeriod(settings.firstPeriod())),
                clock,
                new ScopeProcessor.ScopeIdentity(config.scopeKey(), fetcher.name(), "gnocchi"));
        return new Processor(fetcher, scopes, pipeline::snapshot, jdbc, workers, afterScope, environment.metrics());
    }

    /**
     * The project lifespans: where the keystone fetcher rates every enabled project, a project
     * Keystone created is a scope at once, before the next listing.
     */
    static ProjectLifespans lifespans(RatingConfiguration config, Jdbc jdbc) {
        ProcessorConfiguration settings = config.processor();
        boolean everyProject = "keystone".equals(settings.fetcher()) && settings.fetcherKeystoneAllProjects();
        return new ProjectLifespans(
                jdbc,
                everyProject
                        ? Optional.of(new ProjectLifespans.NewScope(config.scopeKey(), "keystone", "gnocchi"))
                        : Optional.empty());
    }

    /** How the processor calls the time-series API: behind Keystone, with the service's own token. */
    private static GnocchiAuth timeseriesAuth(RatingConfiguration config, Clock clock) {
        ProcessorConfiguration settings = config.processor();
        if (settings.timeseriesKeystoneAuth()) {
            ServiceToken service = new ServiceToken(config.keystone().settings(), HttpClient.newHttpClient(), clock);
            return new KeystoneTokenAuth(service::current, service::refused);
        }
        return settings.timeseriesBasicAuth()
                ? new BasicAuth(settings.timeseriesUser())
                : new NoAuth(settings.timeseriesUser(), null, List.of("admin"));
    }

    /** Keystone, where the service has it: asked for a project's state when an update does not say it. */
    static Optional<KeystoneProjectDirectory> keystone(RatingConfiguration config) {
        boolean configured =
                config.keystoneAuth() || "keystone".equals(config.processor().fetcher());
        return configured
                ? Optional.of(KeystoneProjectDirectory.of(config.keystone().settings()))
                : Optional.empty();
    }

    private static KeystoneScopeFetcher.Selection keystoneSelection(RatingConfiguration config, Clock clock) {
        ProcessorConfiguration settings = config.processor();
        if (settings.fetcherKeystoneAllProjects()) {
            return new KeystoneScopeFetcher.Selection.AllEnabled(
                    KeystoneProjectDirectory.of(config.keystone().settings()));
        }
        return new KeystoneScopeFetcher.Selection.WithRole(
                new KeystoneProjects(new KeystoneTokens(config.keystone().settings(), clock)),
                settings.fetcherKeystoneRole());
    }

    private static Optional<Instant> firstPeriod(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "processor.firstPeriod must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, got " + text);
        }
    }
}
