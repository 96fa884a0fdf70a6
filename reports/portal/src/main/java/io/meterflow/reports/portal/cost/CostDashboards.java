package io.meterflow.reports.portal.cost;

import io.meterflow.reports.portal.ProjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Builds a project's {@link CostDashboard} from four grouped reads of the rating API (cost per
 * service and day, per resource, last month's total, budget alerts) and the plan charge, made side
 * by side. A result
 * is reused for {@code cacheTtl} (a few seconds): rated points arrive hourly, and a tenant reloading
 * the page should not cost the rating engine a grouping over the month's points each time.
 */
public final class CostDashboards {

    private static final int TOP_RESOURCES = 10;
    private static final int MAX_CACHED = 10_000;

    private record Cached(CostDashboard dashboard, Instant computedAt) {}

    private final RatingReader rating;
    private final Clock clock;
    private final Currency defaultCurrency;
    private final Duration cacheTtl;
    private final Map<ProjectId, Cached> cache = new ConcurrentHashMap<>();
    private final Executor reads;

    /**
     * @param reads runs the rating API reads of one page side by side (see {@link #readThreads()})
     */
    public CostDashboards(
            RatingReader rating, Clock clock, Currency defaultCurrency, Duration cacheTtl, Executor reads) {
        this.rating = rating;
        this.reads = reads;
        this.clock = clock;
        this.defaultCurrency = defaultCurrency;
        this.cacheTtl = cacheTtl;
    }

    /**
     * A pool for the reads: bounded (four at a time, the rest queue), and its threads end after 30
     * idle seconds, so a portal that is not used, or a server that stopped, keeps none.
     */
    public static ExecutorService readThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "portal-rating-read-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public CostDashboard of(ProjectId project) {
        Instant now = clock.instant();
        Cached cached = cache.get(project);
        if (cached != null && cached.computedAt().plus(cacheTtl).isAfter(now)) {
            return cached.dashboard();
        }
        CostDashboard dashboard = compute(project, now);
        if (!cacheTtl.isZero()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear(); // crude bound; entries live seconds, so losing them costs little
            }
            cache.put(project, new Cached(dashboard, now));
        }
        return dashboard;
    }

    private CostDashboard compute(ProjectId project, Instant now) {
        YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        Instant monthStart = CostFigures.monthStart(month);
        Instant nextMonthStart = CostFigures.monthStart(month.plusMonths(1));
        Instant lastMonthStart = CostFigures.monthStart(month.minusMonths(1));
        // Up to the coming midnight rather than now: no point is rated for an hour that has not
        // ended, so the answer is the same, and whole days let the rating engine read its daily
        // totals instead of every point of the month.
        Instant tomorrow = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        Instant monthToDateEnd = tomorrow.isBefore(nextMonthStart) ? tomorrow : nextMonthStart;

        // The five reads are independent: asked at once, the page waits for the slowest, not the sum.
        var charge = read(() -> rating.planCharge(project, month));
        var serviceDays = read(() -> rating.costByServiceAndDay(project, monthStart, monthToDateEnd));
        var resources = read(() -> rating.costByResource(project, monthStart, monthToDateEnd));
        var lastMonthTotal = read(() -> rating.totalCost(project, lastMonthStart, monthStart));
        var alerts = read(() -> rating.budgetAlerts(project));

        // The plan's currency is what the tenant is billed in; without a plan, the configured one.
        Optional<Money> planCharge = join(charge);
        Currency currency = planCharge.map(Money::currency).orElse(defaultCurrency);
        List<ServiceDayCost> days = join(serviceDays);
        Money monthToDate = new Money(CostFigures.total(days), currency);
        Money forecast = new Money(CostFigures.forecast(monthToDate.amount(), month, now), currency);
        Money spent = planCharge.orElse(monthToDate);
        List<BudgetProgress> budgets = join(alerts).stream()
                .map(alert -> new BudgetProgress(alert.threshold(), spent))
                .toList();
        return new CostDashboard(
                project,
                now,
                month,
                monthToDate,
                forecast,
                new Money(join(lastMonthTotal), currency),
                CostFigures.byService(days),
                CostFigures.top(join(resources), TOP_RESOURCES),
                CostFigures.daily(days, month, LocalDate.ofInstant(now, ZoneOffset.UTC)),
                budgets);
    }

    private <T> CompletableFuture<T> read(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, reads);
    }

    /** The read's value, or its own exception (a {@link RatingUnavailableException}) rethrown. */
    private static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
