package io.meterflow.rating.dataframes;

import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.dataframe.DataPoint;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each project's totals per rating type and UTC day ({@code rating_dataframes_daily}), written in
 * the transactions that write the points, and what summaries read when whole days grouped by
 * project, type or a day-or-longer bucket are asked for: a month over ten thousand projects then
 * reads some hundred thousand rows instead of millions of points.
 */
final class DailyTotals {

    private static final Set<String> DAY_BUCKETS = Set.of("time-d", "time-w", "time-m", "time-y");

    private DailyTotals() {}

    private record Key(LocalDate day, String project, String type) implements Comparable<Key> {
        public int compareTo(Key other) {
            int byDay = day.compareTo(other.day);
            if (byDay != 0) {
                return byDay;
            }
            int byProject = project.compareTo(other.project);
            return byProject != 0 ? byProject : type.compareTo(other.type);
        }
    }

    private record Sum(BigDecimal qty, BigDecimal price, long points) {
        Sum plus(DataPoint point) {
            return new Sum(qty.add(point.quantity()), price.add(point.price()), points + 1);
        }
    }

    /** Adds the frames' points to their days, in key order so that concurrent writers never deadlock. */
    static void add(Connection c, List<RatedFrame> frames, String scopeKey) throws SQLException {
        Map<Key, Sum> sums = new TreeMap<>();
        for (RatedFrame frame : frames) {
            LocalDate day = LocalDate.ofInstant(frame.begin(), ZoneOffset.UTC);
            frame.usage().forEach((type, points) -> {
                for (DataPoint point : points) {
                    Object scope = point.groupby().get(scopeKey);
                    sums.merge(
                            new Key(day, scope == null ? "" : scope.toString(), type),
                            new Sum(BigDecimal.ZERO, BigDecimal.ZERO, 0).plus(point),
                            (a, b) -> new Sum(a.qty().add(b.qty()), a.price().add(b.price()), a.points() + b.points()));
                }
            });
        }
        if (sums.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO rating_dataframes_daily AS d (day, project_id, type, qty, price, points)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (day, project_id, type) DO UPDATE"
                        + " SET qty = d.qty + EXCLUDED.qty, price = d.price + EXCLUDED.price,"
                        + " points = d.points + EXCLUDED.points")) {
            for (var entry : sums.entrySet()) {
                upsert.setObject(1, entry.getKey().day());
                upsert.setString(2, entry.getKey().project());
                upsert.setString(3, entry.getKey().type());
                upsert.setBigDecimal(4, entry.getValue().qty());
                upsert.setBigDecimal(5, entry.getValue().price());
                upsert.setLong(6, entry.getValue().points());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /**
     * Counts the project's days touched by a deletion of [from, until) again from its points
     * (null bounds: open): a deletion may take part of a day.
     */
    static void recount(Connection c, String projectId, Instant from, Instant until) throws SQLException {
        Timestamp firstDay = from == null ? null : dayStart(from);
        Timestamp afterLastDay = until == null ? null : dayAfter(until);
        Jdbc.update(
                c,
                "DELETE FROM rating_dataframes_daily WHERE project_id = ?"
                        + " AND (?::timestamptz IS NULL OR day >= (?::timestamptz AT TIME ZONE 'UTC')::date)"
                        + " AND (?::timestamptz IS NULL OR day < (?::timestamptz AT TIME ZONE 'UTC')::date)",
                projectId,
                firstDay,
                firstDay,
                afterLastDay,
                afterLastDay);
        Jdbc.update(
                c,
                "INSERT INTO rating_dataframes_daily (day, project_id, type, qty, price, points)"
                        + " SELECT (period_begin AT TIME ZONE 'UTC')::date, project_id, type, sum(qty), sum(price), count(*)"
                        + " FROM rating_dataframes WHERE project_id = ?"
                        + " AND (?::timestamptz IS NULL OR period_begin >= ?) AND (?::timestamptz IS NULL OR period_begin < ?)"
                        + " GROUP BY 1, 2, 3",
                projectId,
                firstDay,
                firstDay,
                afterLastDay,
                afterLastDay);
    }

    /** Whether the summary reads only what the daily totals hold. */
    static boolean answers(SummaryQuery query, List<String> keys, String bucket, String scopeKey) {
        if (bucket != null && !DAY_BUCKETS.contains(bucket)) {
            return false;
        }
        if (!isMidnight(query.begin()) || !isMidnight(query.end())) {
            return false;
        }
        for (String key : keys) {
            if (!key.equals(scopeKey) && !key.equals("type")) {
                return false;
            }
        }
        if (query.filters() != null) {
            for (var filter : query.filters().entrySet()) {
                if (!filter.getValue().isEmpty()
                        && !filter.getKey().equals(scopeKey)
                        && !filter.getKey().equals("type")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A select or group expression over points, over days instead. */
    static String onDays(String expression) {
        return expression
                .replace("period_begin", "(day::timestamp AT TIME ZONE 'UTC')")
                .replace("project_id", "nullif(project_id, '')");
    }

    static String where(SummaryQuery query, String scopeKey, List<Object> parameters) {
        StringBuilder where = new StringBuilder(
                " WHERE day >= (?::timestamptz AT TIME ZONE 'UTC')::date AND day < (?::timestamptz AT TIME ZONE 'UTC')::date");
        parameters.add(Timestamp.from(query.begin()));
        parameters.add(Timestamp.from(query.end()));
        if (query.types() != null && !query.types().isEmpty()) {
            where.append(" AND type = ANY (?)");
            parameters.add(query.types().toArray(String[]::new));
        }
        if (query.filters() != null) {
            for (var filter : query.filters().entrySet()) {
                if (filter.getValue().isEmpty()) {
                    continue;
                }
                where.append(filter.getKey().equals(scopeKey) ? " AND project_id = ANY (?)" : " AND type = ANY (?)");
                parameters.add(filter.getValue().toArray(String[]::new));
            }
        }
        return where.toString();
    }

    private static boolean isMidnight(Instant instant) {
        return instant != null && instant.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    private static Timestamp dayStart(Instant instant) {
        return Timestamp.from(LocalDate.ofInstant(instant, ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant());
    }

    private static Timestamp dayAfter(Instant instant) {
        LocalDate day =
                LocalDate.ofInstant(instant.minusNanos(1), ZoneOffset.UTC).plusDays(1);
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
