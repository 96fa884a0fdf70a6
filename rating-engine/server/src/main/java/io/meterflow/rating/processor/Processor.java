package io.meterflow.rating.processor;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.meterflow.rating.collect.CollectException;
import io.meterflow.rating.collect.ScopeFetcher;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.hashmap.UnratableFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One processing pass, CloudKitty's processor loop body: the fetcher's scopes in random order,
 * each caught up period by period on the worker pool, then the pending reprocessing schedules. A
 * scope whose usage cannot be read or priced is skipped for this pass and reported; the others go on.
 */
public final class Processor {

    private static final Logger LOG = LoggerFactory.getLogger(Processor.class);

    /** What one pass did. */
    public record PassResult(int scopes, long periods, long points, int failedScopes, Duration took) {}

    /** Told after every period stored and every scope finished, for progress output. */
    public interface Progress {
        void scopeDone(int done, int of, long periods, long points);

        Progress NONE = (done, of, periods, points) -> {};
    }

    /** Told which periods of a scope a pass stored, once the scope is caught up (running plan charges). */
    @FunctionalInterface
    public interface ScopeRated {
        void rated(String scope, List<Instant> periodBegins);
    }

    private final ScopeFetcher fetcher;
    private final ScopeProcessor scopes;
    private final Supplier<Rating> rating;
    private final Jdbc jdbc;
    private final ExecutorService workers;
    private final ScopeRated afterScope;
    private final Counter periodsRated;
    private final Counter pointsRated;
    private final Counter failures;
    private final Counter discoveryFailures;
    private final AtomicInteger failingScopes = new AtomicInteger();
    private volatile List<String> knownScopes;

    public Processor(
            ScopeFetcher fetcher,
            ScopeProcessor scopes,
            Supplier<Rating> rating,
            Jdbc jdbc,
            ExecutorService workers,
            ScopeRated afterScope,
            MetricRegistry metrics) {
        this.fetcher = fetcher;
        this.scopes = scopes;
        this.rating = rating;
        this.jdbc = jdbc;
        this.workers = workers;
        this.afterScope = afterScope;
        this.periodsRated = metrics.counter("rating.processor.periods_rated");
        this.pointsRated = metrics.counter("rating.processor.points_rated");
        this.failures = metrics.counter("rating.processor.failures");
        this.discoveryFailures = metrics.counter("rating.processor.scope_discovery_failures");
        metrics.gauge("rating.processor.failing_scopes", () -> failingScopes::get);
    }

    /**
     * Rates every due period of every scope, then runs the reprocessing schedules.
     *
     * <p>When the fetcher cannot list the scopes (Keystone or the time-series API down), the pass
     * rates the scopes it knew: those of the last listing, or after a restart the active scopes
     * stored, so one unreachable source of scopes does not stop rating.
     *
     * @param running checked between periods: false makes the pass stop after the periods in flight
     */
    public PassResult runPass(BooleanSupplier running, Progress progress) throws InterruptedException {
        long started = System.nanoTime();
        scopes.startPass();
        List<String> scopeIds = new ArrayList<>(discover());
        Collections.shuffle(scopeIds);
        Rating snapshot = rating.get();
        AtomicLong periods = new AtomicLong();
        AtomicLong points = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (String scope : scopeIds) {
            work.add(workers.submit(() -> {
                catchUp(running, () -> scopes.rateNextPeriod(scope, snapshot), scope, periods, points, failed);
                progress.scopeDone(done.incrementAndGet(), scopeIds.size(), periods.get(), points.get());
            }));
        }
        awaitAll(work);
        work.clear();
        // Data changed is why periods are reprocessed: read them afresh, and the rules too, read
        // after the schedules so that a schedule asked for after a rule change sees that change.
        scopes.startPass();
        List<PendingSchedule> schedules = pendingSchedules();
        Rating current = schedules.isEmpty() ? snapshot : rating.get();
        for (PendingSchedule schedule : schedules) {
            work.add(workers.submit(() -> catchUp(
                    running,
                    () -> scopes.reprocessNextPeriod(schedule.id(), schedule.scope(), current),
                    schedule.scope(),
                    periods,
                    points,
                    failed)));
        }
        awaitAll(work);
        failingScopes.set(failed.get());
        return new PassResult(
                scopeIds.size(),
                periods.get(),
                points.get(),
                failed.get(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private List<String> discover() {
        try {
            List<String> found = List.copyOf(fetcher.scopes());
            knownScopes = found;
            return found;
        } catch (CollectException e) {
            discoveryFailures.inc();
            List<String> known = knownScopes != null ? knownScopes : storedActiveScopes();
            LOG.warn(
                    "Scope discovery by the {} fetcher failed, this pass rates the {} scopes known: {}",
                    fetcher.name(),
                    known.size(),
                    e.getMessage());
            return known;
        }
    }

    private List<String> storedActiveScopes() {
        return jdbc.inTransaction(c -> Jdbc.list(
                c, "SELECT scope_id FROM rating_scope_states WHERE active ORDER BY scope_id", row -> row.getString(1)));
    }

    private void catchUp(
            BooleanSupplier running,
            Supplier<Optional<PeriodRated>> step,
            String scope,
            AtomicLong periods,
            AtomicLong points,
            AtomicInteger failed) {
        List<Instant> stored = new ArrayList<>();
        try {
            while (running.getAsBoolean()) {
                Optional<PeriodRated> rated = step.get();
                if (rated.isEmpty()) {
                    break;
                }
                stored.add(rated.get().begin());
                periods.incrementAndGet();
                points.addAndGet(rated.get().points());
                periodsRated.inc();
                pointsRated.inc(rated.get().points());
            }
            if (!stored.isEmpty()) {
                afterScope.rated(scope, stored);
            }
        } catch (CollectException | UnratableFieldException e) {
            // CloudKitty 17 exits the worker here; one scope's bad period must not stop the others.
            countFailure(failed);
            LOG.warn("[{}] not rated in this pass, retried in the next: {}", scope, e.getMessage());
        } catch (RuntimeException e) {
            countFailure(failed);
            LOG.error("[{}] not rated in this pass, retried in the next", scope, e);
        }
    }

    private void countFailure(AtomicInteger failed) {
        failures.inc();
        failed.incrementAndGet();
    }

    private record PendingSchedule(long id, String scope) {}

    private List<PendingSchedule> pendingSchedules() {
        return jdbc.inTransaction(c -> Jdbc.list(
                c,
                "SELECT id, scope_id FROM rating_reprocess_schedules"
                        + " WHERE current_reprocess_time IS NULL OR current_reprocess_time < end_reprocess_time"
                        + " ORDER BY id",
                row -> new PendingSchedule(row.getLong(1), row.getString(2))));
    }

    private static void awaitAll(List<Future<?>> work) throws InterruptedException {
        for (Future<?> future : work) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a rating task failed unexpectedly", e.getCause());
            }
        }
    }
}
