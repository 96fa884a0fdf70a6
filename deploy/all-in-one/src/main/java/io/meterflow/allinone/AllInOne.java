package io.meterflow.allinone;

import io.dropwizard.core.Application;
import io.meterflow.allinone.ServiceEnvironment.Service;
import io.meterflow.collector.CollectorApplication;
import io.meterflow.demo.DemoCloud;
import io.meterflow.demo.DemoEndpoints;
import io.meterflow.demo.DemoInvoice;
import io.meterflow.rating.RatingApplication;
import io.meterflow.reports.ReportsApplication;
import io.meterflow.timeseries.TimeseriesApplication;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.ShutdownThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Meterflow service in this JVM: each is its own Dropwizard application with its packaged
 * configuration, its own port, health checks and metrics, reading the environment that
 * {@link ServiceEnvironment} composes. The time-series API starts first, as it claims the
 * deployment's Kafka namespace the collector then joins.
 */
final class AllInOne {

    private static final Logger LOG = LoggerFactory.getLogger(AllInOne.class);
    /** How long the demo may take to have its first month-to-date invoice issued. */
    private static final Duration DEMO_INVOICE_TIMEOUT = Duration.ofMinutes(10);

    private final AllInOneSettings settings;
    private final UnaryOperator<String> processEnvironment;
    private final PrintStream console;

    AllInOne(AllInOneSettings settings, UnaryOperator<String> processEnvironment, PrintStream console) {
        this.settings = settings;
        this.processEnvironment = processEnvironment;
        this.console = console;
    }

    void start() throws Exception {
        long started = System.nanoTime();
        Infrastructure infrastructure = Infrastructure.start(settings);
        Optional<DemoCloud> demo =
                settings.demo() ? Optional.of(new DemoCloud(settings.dataDir(), Clock.systemUTC())) : Optional.empty();
        Map<String, String> demoEnvironment =
                demo.map(DemoCloud::serviceEnvironment).orElse(Map.of());
        ServiceEnvironment environments =
                new ServiceEnvironment(settings, infrastructure, demoEnvironment, processEnvironment);
        // Rating waits for the demo's prices and history; without the demo it starts at once.
        CompletableFuture<Void> ratingMayStart =
                demo.isPresent() ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);

        // Two chains side by side on the two cores: the collector joins the Kafka namespace the
        // time-series API claims, so it starts after it; rating and reports need only PostgreSQL.
        // A service that fails to start ends the process (Dropwizard's fatal-error exit).
        CompletableFuture<Void> billing = CompletableFuture.runAsync(() -> {
            start(
                    new RatingApplication(environments.of(Service.RATING), ratingMayStart),
                    RatingApplication.DEFAULT_CONFIG);
            start(new ReportsApplication(environments.of(Service.REPORTS)), ReportsApplication.DEFAULT_CONFIG);
        });
        start(new TimeseriesApplication(environments.of(Service.TIMESERIES)), TimeseriesApplication.DEFAULT_CONFIG);
        start(new CollectorApplication(environments.of(Service.COLLECTOR)), CollectorApplication.DEFAULT_CONFIG);
        billing.join();
        EmbeddedServerLogs.quiet();
        // Jetty stops the services' servers at shutdown in the order they registered: the demo
        // first (it feeds them), the embedded servers last (the services flush into them).
        ShutdownThread.register(0, stopping("demo", () -> demo.ifPresent(DemoCloud::close)));
        ShutdownThread.register(stopping("embedded servers", infrastructure::close));

        Duration ready = Duration.ofNanos(System.nanoTime() - started);
        console.println(new Banner(settings, infrastructure).text(ready));
        LOG.info("All services ready in {} ms", ready.toMillis());

        if (demo.isPresent()) {
            runDemo(demo.get(), ratingMayStart, infrastructure.amqpUrl());
        }
    }

    private static void start(Application<?> service, String packagedConfig) {
        try {
            service.run("server", packagedConfig);
        } catch (Exception e) {
            throw new IllegalStateException(service.getName() + " did not start", e);
        }
        EmbeddedServerLogs.quiet();
    }

    private void runDemo(DemoCloud demo, CompletableFuture<Void> ratingMayStart, String amqpUrl)
            throws InterruptedException {
        DemoEndpoints endpoints = new DemoEndpoints(
                URI.create("http://127.0.0.1:" + settings.ports().timeseries()),
                URI.create("http://127.0.0.1:" + settings.ports().rating()),
                URI.create("http://127.0.0.1:" + settings.ports().reports()),
                amqpUrl,
                "admin");
        try {
            demo.seed(endpoints);
        } catch (RuntimeException e) {
            ratingMayStart.completeExceptionally(e);
            throw e;
        }
        ratingMayStart.complete(null);
        demo.startLiveActivity(endpoints);
        console.println(demo.describe(endpoints));
        Thread invoices = new Thread(
                () -> {
                    try {
                        List<DemoInvoice> issued = demo.issueMonthToDateInvoices(endpoints, DEMO_INVOICE_TIMEOUT);
                        console.println("Demo: month-to-date invoices ready in the portal: " + issued);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        LOG.error("The demo's month-to-date invoices were not issued", e);
                    }
                },
                "demo-invoices");
        invoices.setDaemon(true);
        invoices.start();
    }

    private static AbstractLifeCycle stopping(String what, Runnable stop) {
        AbstractLifeCycle lifeCycle = new AbstractLifeCycle() {
            @Override
            protected void doStop() {
                LOG.info("Stopping the {}", what);
                stop.run();
            }

            @Override
            public String toString() {
                return what;
            }
        };
        try {
            lifeCycle.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return lifeCycle;
    }
}
