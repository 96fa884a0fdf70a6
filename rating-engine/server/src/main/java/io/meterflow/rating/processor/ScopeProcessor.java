package io.meterflow.rating.processor;

import io.meterflow.rating.collect.UsageCollector;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.dataframe.DataPoint;
import io.meterflow.rating.dataframes.RatedDataStore;
import io.meterflow.rating.dataframes.RatedFrame;
import io.meterflow.rating.lifespan.ProjectLifespans;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rates one period of one scope per call, in one transaction that holds the scope's lock, reads
 * and advances its state and stores the rated points: a crash at any point leaves either the
 * period stored and the state past it, or neither, so the next attempt neither skips nor doubles it.
 * Collecting happens inside that transaction; a period is small and the lock must cover it.
 */
public final class ScopeProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ScopeProcessor.class);

    private final Jdbc jdbc;
    private final UsageCollector collector;
    private final RatedDataStore ratedData;
    private final ProcessorSettings settings;
    private final Clock clock;
    private final ScopeIdentity identity;

    /** What a new scope state records: CloudKitty's scope key, fetcher and collector names. */
    public record ScopeIdentity(String scopeKey, String fetcher, String collector) {}

    public ScopeProcessor(
            Jdbc jdbc,
            UsageCollector collector,
            RatedDataStore ratedData,
            ProcessorSettings settings,
            Clock clock,
            ScopeIdentity identity) {
        this.jdbc = jdbc;
        this.collector = collector;
        this.ratedData = ratedData;
        this.settings = settings;
        this.clock = clock;
        this.identity = identity;
    }

    /** Forgets usage read in an earlier pass (a re-rating must read the time-series API again). */
    public void startPass() {
        collector.forget();
    }

    /**
     * Rates the scope's next due period. Empty when none is due, the scope is inactive, or another
     * process is rating it now.
     *
     * @throws io.meterflow.rating.collect.CollectException the usage could not be read; nothing changed
     */
    public Optional<PeriodRated> rateNextPeriod(String scope, Rating rating) {
        return jdbc.inTransaction(c -> {
            if (!ScopeLock.tryTake(c, scope)) {
                return Optional.empty();
            }
            Jdbc.update(
                    c,
                    "INSERT INTO rating_scope_states (scope_id, scope_key, fetcher, collector) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (scope_id) DO NOTHING",
                    scope,
                    identity.scopeKey(),
                    identity.fetcher(),
                    identity.collector());
            record State(Instant lastProcessed, boolean active) {}
            State state = Jdbc.first(
                            c,
                            "SELECT last_processed_timestamp, active FROM rating_scope_states WHERE scope_id = ?"
                                    + " FOR UPDATE",
                            row -> {
                                Timestamp last = row.getTimestamp(1);
                                return new State(last == null ? null : last.toInstant(), row.getBoolean(2));
                            },
                            scope)
                    .orElseThrow();
            Instant now = clock.instant();
            if (!state.active()) {
                return Optional.empty();
            }
            Instant begin = state.lastProcessed() == null
                    ? settings.firstPeriod(now)
                    : state.lastProcessed().plus(settings.period());
            Optional<Instant> deleted = ProjectLifespans.deletedAt(c, scope);
            if (deleted.isPresent() && !begin.isBefore(deleted.get())) {
                // Rated up to the period of its deletion: CloudKitty's inactive scope, which reports stop waiting for.
                Jdbc.update(
                        c,
                        "UPDATE rating_scope_states SET active = false, scope_activation_toggle_date = ?"
                                + " WHERE scope_id = ?",
                        Timestamp.from(now),
                        scope);
                LOG.info("[{}] rated up to its deletion at {}; the scope is inactive now", scope, deleted.get());
                return Optional.empty();
            }
            if (!settings.isDue(begin, now)) {
                return Optional.empty();
            }
            int points = rateAndStore(c, scope, begin, rating);
            // As CloudKitty: the state names the start of the last rated period, data or not.
            Jdbc.update(
                    c,
                    "UPDATE rating_scope_states SET last_processed_timestamp = ? WHERE scope_id = ?",
                    Timestamp.from(begin),
                    scope);
            return Optional.of(new PeriodRated(scope, begin, points));
        });
    }

    /**
     * Reprocesses the next period of a reprocessing schedule ({@code POST /v2/task/reprocesses}):
     * that period's stored points of the scope are replaced by a fresh rating with the current
     * rules. Empty when the schedule is finished or the scope is being rated by another process.
     */
    public Optional<PeriodRated> reprocessNextPeriod(long scheduleId, String scope, Rating rating) {
        return jdbc.inTransaction(c -> {
            if (!ScopeLock.tryTake(c, scope)) {
                return Optional.empty();
            }
            record Schedule(Instant start, Instant end, Instant current) {}
            Optional<Schedule> found = Jdbc.first(
                    c,
                    "SELECT start_reprocess_time, end_reprocess_time, current_reprocess_time"
                            + " FROM rating_reprocess_schedules WHERE id = ? FOR UPDATE",
                    row -> {
                        Timestamp current = row.getTimestamp(3);
                        return new Schedule(
                                row.getTimestamp(1).toInstant(),
                                row.getTimestamp(2).toInstant(),
                                current == null ? null : current.toInstant());
                    },
                    scheduleId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Schedule schedule = found.get();
            // CloudKitty's order: from the start, one period at a time, up to and including the end.
            Instant begin = schedule.current() == null
                    ? schedule.start()
                    : schedule.current().plus(settings.period());
            if (begin.isAfter(schedule.end())) {
                return Optional.empty();
            }
            ratedData.deleteScopePeriods(c, scope, begin, begin.plus(settings.period()));
            int points = rateAndStore(c, scope, begin, rating);
            Jdbc.update(
                    c,
                    "UPDATE rating_reprocess_schedules SET current_reprocess_time = ? WHERE id = ?",
                    Timestamp.from(begin),
                    scheduleId);
            return Optional.of(new PeriodRated(scope, begin, points));
        });
    }

    private int rateAndStore(Connection c, String scope, Instant begin, Rating rating) throws SQLException {
        Instant end = begin.plus(settings.period());
        Map<String, List<DataPoint>> usage = collector.collect(scope, begin, end);
        if (usage.isEmpty()) {
            return 0;
        }
        return ratedData.insert(c, List.of(new RatedFrame(begin, end, rating.rate(scope, begin, usage))));
    }
}
