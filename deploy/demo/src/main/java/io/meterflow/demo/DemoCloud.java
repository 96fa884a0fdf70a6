package io.meterflow.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.meterflow.demo.api.BillingSeeder;
import io.meterflow.demo.api.InvoiceIssuer;
import io.meterflow.demo.api.InvoicePeriod;
import io.meterflow.demo.api.MeasureWait;
import io.meterflow.demo.api.PriceListSeeder;
import io.meterflow.demo.api.RatingProgress;
import io.meterflow.demo.api.ServiceClient;
import io.meterflow.demo.bus.CloudFeed;
import io.meterflow.demo.bus.NotificationPublisher;
import io.meterflow.demo.hypervisor.LibvirtProbe;
import io.meterflow.demo.pricing.DemoBilling;
import io.meterflow.demo.pricing.DemoPriceList;
import io.meterflow.demo.scenario.CloudScenario;
import io.meterflow.demo.scenario.DemoCatalog;
import io.meterflow.demo.scenario.DemoProject;
import io.meterflow.demo.state.DemoState;
import io.meterflow.demo.state.DemoStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated small cloud of {@code bin/meterflow all-in-one --demo}: OpenStack notifications of
 * five projects on RabbitMQ (history first, then live), a libvirt test node the collector polls
 * where libvirt is installed, a demo price list in the rating engine, billing accounts and a
 * month-to-date invoice in the reports service. It reaches the services only through their public
 * interfaces (AMQP and HTTP), as a real cloud and its operator would.
 *
 * <p>State lives under {@code dataDir/demo}: a restart keeps the history start, sends only what was
 * not sent, and issues no invoice twice.
 */
public final class DemoCloud implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCloud.class);

    /** The billing time zone the demo sets for the reports service and computes its periods in. */
    static final ZoneId BILLING_ZONE = ZoneId.of("UTC");

    static final Duration RATING_PERIOD = Duration.ofHours(1);
    static final Duration LIVE_TICK = Duration.ofSeconds(5);
    static final Duration MEASURES_TIMEOUT = Duration.ofMinutes(3);

    private final Path directory;
    private final Clock clock;
    private final ObjectMapper json;
    private final DemoStateStore store;
    private final CloudScenario scenario;
    private final DemoFiles files;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private NotificationPublisher publisher;
    private CloudFeed feed;
    private ScheduledExecutorService live;

    public DemoCloud(Path dataDir, Clock clock) {
        this.directory = dataDir.toAbsolutePath().resolve("demo");
        this.clock = clock;
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo's directory " + directory, e);
        }
        this.store = new DemoStateStore(directory, json);
        DemoState state = store.loadOrCreate(clock);
        this.scenario = new CloudScenario(state.historyStart(), state.detailedFrom(), DemoCatalog.plans(), json);
        this.files = new DemoFiles(directory, new LibvirtProbe());
    }

    /** Environment variables the services must run with for the demo; the same after a restart. */
    public Map<String, String> serviceEnvironment() {
        return files.serviceEnvironment(historyStart(), scenario.instancesAt(clock.instant()));
    }

    /**
     * Blocking, once every API answers: the price list and billing accounts (idempotent), then the
     * notifications not sent yet (the whole history at the first start), then the wait until they
     * are measures in the time-series API.
     */
    public void seed(DemoEndpoints endpoints) throws InterruptedException {
        if (!store.current(clock).pricesSeeded()) {
            new PriceListSeeder(client(endpoints.rating(), endpoints)).seed(DemoPriceList.rules());
            store.update(DemoState::withPricesSeeded);
        }
        if (!store.current(clock).billingSeeded()) {
            new BillingSeeder(client(endpoints.reports(), endpoints))
                    .seed(DemoBilling.issuer(), DemoBilling.accounts());
            store.update(DemoState::withBillingSeeded);
        }
        CloudFeed cloud = feed(endpoints);
        awaitCollectorQueues(endpoints);
        Instant now = clock.instant();
        int sent;
        try {
            sent = cloud.sendUntil(now);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "sending the demo's notifications to " + endpoints.amqpUrl() + " failed: " + e.getMessage(), e);
        }
        LOG.info("demo cloud: {} notification(s) sent, history from {}", sent, historyStart());
        new MeasureWait(client(endpoints.timeseries(), endpoints), clock)
                .await(Markers.of(scenario, store.current(clock).sentUntil()), MEASURES_TIMEOUT);
    }

    /** Background activity: every few seconds, the notifications that fell due since the last ones. */
    public synchronized void startLiveActivity(DemoEndpoints endpoints) {
        if (live != null) {
            return;
        }
        CloudFeed cloud = feed(endpoints);
        live = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "meterflow-demo-cloud");
            thread.setDaemon(true);
            return thread;
        });
        live.scheduleWithFixedDelay(
                () -> {
                    try {
                        cloud.sendUntil(clock.instant());
                    } catch (IOException | RuntimeException e) {
                        // The next tick sends the same window again: nothing is lost while RabbitMQ is away.
                        LOG.warn("demo cloud: sending live notifications failed, retrying: {}", e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                0,
                LIVE_TICK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Blocking until every demo project is rated through the last complete history hour, then one
     * month-to-date invoice per demo billing account, unless one of that period start was issued
     * already (by an earlier start).
     */
    public List<DemoInvoice> issueMonthToDateInvoices(DemoEndpoints endpoints, Duration timeout)
            throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        Instant sentUntil = store.current(clock).sentUntil();
        Instant lastHour =
                (sentUntil.isBefore(clock.instant()) ? sentUntil : clock.instant()).truncatedTo(ChronoUnit.HOURS);
        List<String> projects =
                DemoCatalog.PROJECTS.stream().map(DemoProject::id).toList();
        new RatingProgress(client(endpoints.rating(), endpoints), RATING_PERIOD, clock)
                .awaitRatedThrough(projects, lastHour, timeout);
        InvoicePeriod period = InvoicePeriod.monthToDate(lastHour, historyStart(), BILLING_ZONE);
        List<String> accounts =
                DemoBilling.accounts().stream().map(DemoBilling.Account::id).toList();
        Duration left = Duration.between(clock.instant(), deadline);
        return new InvoiceIssuer(client(endpoints.reports(), endpoints), clock)
                .issue(accounts, period.start(), period.end(), left.isNegative() ? Duration.ZERO : left);
    }

    /** A short text for the console: the projects, how to sign in to the portal, what is simulated. */
    public String describe(DemoEndpoints endpoints) {
        return DemoDescription.of(endpoints, historyStart(), files.pollingLibrary());
    }

    Instant historyStart() {
        return store.current(clock).historyStart();
    }

    @Override
    public synchronized void close() {
        if (live != null) {
            live.shutdownNow();
            try {
                live.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            live = null;
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    private synchronized CloudFeed feed(DemoEndpoints endpoints) {
        if (feed == null) {
            publisher = new NotificationPublisher(endpoints.amqpUrl(), json);
            feed = new CloudFeed(scenario, publisher, store, clock);
        }
        return feed;
    }

    /**
     * Waits until the collector's notification queues exist: an exchange drops what it cannot
     * route, so history sent before the collector bound its queues would be lost.
     */
    private void awaitCollectorQueues(DemoEndpoints endpoints) throws InterruptedException {
        Instant deadline = clock.instant().plus(MEASURES_TIMEOUT);
        for (String queue : List.of("meterflow.notifications.info", "meterflow.notifications.sample")) {
            try {
                while (!publisher.queueExists(queue)) {
                    if (clock.instant().isAfter(deadline)) {
                        throw new IllegalStateException(
                                "the collector's queue " + queue + " does not exist on " + endpoints.amqpUrl()
                                        + " after " + MEASURES_TIMEOUT.toSeconds() + " s: is the collector running?");
                    }
                    Thread.sleep(500);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "RabbitMQ at " + endpoints.amqpUrl() + " cannot be reached: " + e.getMessage(), e);
            }
        }
    }

    private ServiceClient client(URI base, DemoEndpoints endpoints) {
        return new ServiceClient(http, json, base, endpoints.adminUser());
    }

    Optional<Path> pollingLibrary() {
        return files.pollingLibrary();
    }
}
