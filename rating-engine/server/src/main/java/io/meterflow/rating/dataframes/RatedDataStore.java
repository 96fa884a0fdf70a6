package io.meterflow.rating.dataframes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.dataframe.DataPoint;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rated points in PostgreSQL, one row each, and the queries CloudKitty's storage answers:
 * dataframes paged by point, totals grouped by any keys and time buckets, the rated scopes of a
 * period. The scope key and the rating type are columns (summaries group by them); other groupby
 * keys are read from the point's groupby document.
 */
public final class RatedDataStore {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]+");
    private static final Map<String, String> TIME_BUCKETS = Map.of(
            "time-d", "day",
            "time-w", "week",
            "time-m", "month",
            "time-y", "year");

    /** One page of points and how many match in all. */
    public record Page(long total, List<RatedPoint> points) {}

    /** One page of summary rows (begin, end, qty, rate, then the groupby keys) and how many there are. */
    public record Totals(long total, List<Map<String, Object>> rows) {}

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final String scopeKey;

    public RatedDataStore(Jdbc jdbc, ObjectMapper json, String scopeKey) {
        this.jdbc = jdbc;
        this.json = json;
        this.scopeKey = scopeKey;
    }

    /** Stores every point of {@code frames} in one transaction: all or none. */
    public int push(List<RatedFrame> frames) {
        return jdbc.inTransaction(c -> insert(c, frames));
    }

    /** Stores every point of {@code frames} within the caller's transaction. */
    public int insert(Connection c, List<RatedFrame> frames) throws SQLException {
        int count = PointCopy.copy(c, frames, scopeKey, json);
        DailyTotals.add(c, frames, scopeKey);
        return count;
    }

    /** Points whose period starts in [begin, end), in the order they were stored. */
    public Page points(
            Instant begin, Instant end, Map<String, List<String>> filters, List<String> types, int offset, int limit) {
        return jdbc.inTransaction(c -> {
            List<Object> parameters = new ArrayList<>();
            String where = where(begin, end, filters, types, parameters);
            long total = Jdbc.first(
                            c,
                            "SELECT count(*) FROM rating_dataframes" + where,
                            row -> row.getLong(1),
                            parameters.toArray())
                    .orElse(0L);
            parameters.add(limit);
            parameters.add(offset);
            List<RatedPoint> points = Jdbc.list(
                    c,
                    "SELECT period_begin, period_end, type, unit, qty, price, groupby::text, metadata::text"
                            + " FROM rating_dataframes" + where + " ORDER BY period_begin, id LIMIT ? OFFSET ?",
                    this::point,
                    parameters.toArray());
            return new Page(total, points);
        });
    }

    public Totals totals(SummaryQuery query) {
        List<String> groupby = query.groupby() == null ? List.of() : query.groupby();
        String bucket = null;
        List<String> keys = new ArrayList<>();
        for (String key : new LinkedHashSet<>(groupby)) {
            if (key.equals("time") || TIME_BUCKETS.containsKey(key)) {
                if (bucket != null) {
                    throw CloudKittyError.badRequest(
                            "Only one time grouping may be given, not " + bucket + " and " + key);
                }
                bucket = key;
            } else {
                keys.add(checkedKey(key));
            }
        }
        List<String> select = new ArrayList<>();
        List<String> group = new ArrayList<>();
        if (bucket == null) {
            select.add("NULL::timestamptz AS b, NULL::timestamptz AS e");
        } else if (bucket.equals("time")) {
            select.add("period_begin AS b, max(period_end) AS e");
            group.add("period_begin");
        } else {
            String unit = TIME_BUCKETS.get(bucket);
            String truncated = "date_trunc('" + unit + "', period_begin, 'UTC')";
            select.add(truncated + " AS b, " + truncated + " + interval '1 " + unit + "' AS e");
            group.add(truncated);
        }
        List<String> order = new ArrayList<>();
        for (String key : keys) {
            String column = column(key);
            select.add(column);
            group.add(column);
            order.add(column);
        }
        if (bucket != null) {
            order.add("b");
        }
        List<Object> parameters = new ArrayList<>();
        String source;
        String where;
        String grouping;
        if (DailyTotals.answers(query, keys, bucket, scopeKey)) {
            // Whole UTC days, grouped by project, type or a day-or-longer bucket: the daily totals hold it.
            source = "rating_dataframes_daily";
            for (int i = 0; i < select.size(); i++) {
                select.set(i, DailyTotals.onDays(select.get(i)));
            }
            for (int i = 0; i < group.size(); i++) {
                group.set(i, DailyTotals.onDays(group.get(i)));
            }
            for (int i = 0; i < order.size(); i++) {
                order.set(i, DailyTotals.onDays(order.get(i)));
            }
            where = DailyTotals.where(query, scopeKey, parameters);
            grouping = group.isEmpty() ? " HAVING sum(points) > 0" : " GROUP BY " + String.join(", ", group);
        } else {
            source = "rating_dataframes";
            where = where(query.begin(), query.end(), query.filters(), query.types(), parameters);
            grouping = group.isEmpty() ? " HAVING count(*) > 0" : " GROUP BY " + String.join(", ", group);
        }
        String sql = "SELECT " + String.join(", ", select) + ", sum(qty), sum(price), count(*) OVER ()"
                + " FROM " + source + where + grouping
                + (order.isEmpty() ? "" : " ORDER BY " + String.join(", ", order)) + " LIMIT ? OFFSET ?";
        parameters.add(query.limit());
        parameters.add(query.offset());
        List<String> resultKeys = keys;
        long[] total = {0};
        List<Map<String, Object>> rows = jdbc.inTransaction(c -> Jdbc.list(
                c,
                sql,
                row -> {
                    Map<String, Object> result = new LinkedHashMap<>();
                    Timestamp b = row.getTimestamp(1);
                    Timestamp e = row.getTimestamp(2);
                    result.put("begin", b == null ? query.begin() : b.toInstant());
                    result.put("end", e == null ? query.end() : e.toInstant());
                    int column = 3;
                    List<Object> groupValues = new ArrayList<>();
                    for (int i = 0; i < resultKeys.size(); i++) {
                        groupValues.add(row.getString(column++));
                    }
                    result.put("qty", row.getBigDecimal(column++));
                    result.put("rate", row.getBigDecimal(column++));
                    total[0] = row.getLong(column);
                    for (int i = 0; i < resultKeys.size(); i++) {
                        result.put(resultKeys.get(i), groupValues.get(i));
                    }
                    return result;
                },
                parameters.toArray()));
        if (rows.isEmpty() && query.offset() > 0) {
            total[0] = countGroups(query, keys, bucket);
        }
        return new Totals(total[0], rows);
    }

    /** The scopes with rated points in [begin, end), sorted. */
    public List<String> scopes(Instant begin, Instant end) {
        return jdbc.inTransaction(c -> Jdbc.list(
                c,
                "SELECT DISTINCT project_id FROM rating_dataframes WHERE period_begin >= ? AND period_begin < ?"
                        + " AND project_id IS NOT NULL ORDER BY project_id",
                row -> row.getString(1),
                Timestamp.from(begin),
                Timestamp.from(end)));
    }

    /** Deletes a scope's points from {@code from} on (all of them if null); returns how many. */
    public int deleteScope(Connection c, String scopeId, Instant from) throws SQLException {
        int deleted = from == null
                ? Jdbc.update(c, "DELETE FROM rating_dataframes WHERE project_id = ?", scopeId)
                : Jdbc.update(
                        c,
                        "DELETE FROM rating_dataframes WHERE project_id = ? AND period_begin >= ?",
                        scopeId,
                        Timestamp.from(from));
        DailyTotals.recount(c, scopeId, from, null);
        return deleted;
    }

    /** Deletes a scope's points of the periods starting in [begin, end); returns how many. */
    public int deleteScopePeriods(Connection c, String scopeId, Instant begin, Instant end) throws SQLException {
        int deleted = Jdbc.update(
                c,
                "DELETE FROM rating_dataframes WHERE project_id = ? AND period_begin >= ? AND period_begin < ?",
                scopeId,
                Timestamp.from(begin),
                Timestamp.from(end));
        DailyTotals.recount(c, scopeId, begin, end);
        return deleted;
    }

    private long countGroups(SummaryQuery query, List<String> keys, String bucket) {
        SummaryQuery all = new SummaryQuery(
                query.begin(), query.end(), query.groupby(), query.filters(), query.types(), 0, Integer.MAX_VALUE);
        return totals(all).rows().size();
    }

    private String where(
            Instant begin,
            Instant end,
            Map<String, List<String>> filters,
            List<String> types,
            List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("period_begin >= ?");
        parameters.add(Timestamp.from(begin));
        conditions.add("period_begin < ?");
        parameters.add(Timestamp.from(end));
        if (types != null && !types.isEmpty()) {
            conditions.add("type = ANY (?)");
            parameters.add(types.toArray(String[]::new));
        }
        if (filters != null) {
            for (var filter : filters.entrySet()) {
                if (filter.getValue().isEmpty()) {
                    continue;
                }
                conditions.add(column(checkedKey(filter.getKey())) + " = ANY (?)");
                parameters.add(filter.getValue().toArray(String[]::new));
            }
        }
        return " WHERE " + String.join(" AND ", conditions);
    }

    /** The SQL expression of a grouping or filtering key; the key is checked, never spliced raw. */
    private String column(String key) {
        if (key.equals(scopeKey)) {
            return "project_id";
        }
        if (key.equals("type")) {
            return "type";
        }
        return "(groupby ->> '" + key + "')";
    }

    private static String checkedKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw CloudKittyError.badRequest("Invalid groupby or filter key: " + key);
        }
        return key;
    }

    private RatedPoint point(ResultSet row) throws SQLException {
        Map<String, Object> groupby = read(row.getString(7));
        Map<String, Object> metadata = read(row.getString(8));
        BigDecimal qty = row.getBigDecimal(5);
        BigDecimal price = row.getBigDecimal(6);
        return new RatedPoint(
                row.getTimestamp(1).toInstant(),
                row.getTimestamp(2).toInstant(),
                row.getString(3),
                new DataPoint(row.getString(4), qty, price, groupby, metadata));
    }

    private String write(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Attributes are strings and always serialise", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String document) {
        try {
            return json.readValue(document, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored attributes are JSON objects", e);
        }
    }
}
