package io.meterflow.timeseries.storage;

import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.split.SplitCodec;
import io.meterflow.timeseries.split.SplitKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The aggregate splits of metrics, and the lock of their buffers (the buffers themselves are
 * {@link BufferSlices}). Bulk operations take arrays so a batch of many metrics costs a few
 * statements, not a few per metric.
 */
public final class AggregateStore {

    /** A request to drop a metric's splits lying wholly before {@code keepFromSplit}. */
    public record Expiry(UUID metricId, String method, long granularity, long keepFromSplit) {}

    /** Locks the metrics' buffer rows without reading them, in id order; returns the metrics that exist. */
    public Set<UUID> lockMetrics(Connection connection, List<UUID> sortedIds) throws SQLException {
        Set<UUID> live = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT metric_id FROM metric_unaggregated
                WHERE metric_id = ANY (?) ORDER BY metric_id FOR UPDATE""")) {
            select.setArray(1, connection.createArrayOf("uuid", sortedIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    live.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return live;
    }

    public Map<SplitKey, TimeSeries> loadSplits(Connection connection, Collection<SplitKey> keys) throws SQLException {
        Map<SplitKey, TimeSeries> splits = new HashMap<>();
        if (keys.isEmpty()) {
            return splits;
        }
        List<Object> metricIds = new ArrayList<>();
        List<Object> methods = new ArrayList<>();
        List<Object> granularities = new ArrayList<>();
        List<Object> starts = new ArrayList<>();
        for (SplitKey key : keys) {
            metricIds.add(key.metricId());
            methods.add(key.method());
            granularities.add(key.granularity());
            starts.add(key.splitStart());
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT s.metric_id, s.method, s.granularity, s.split_start, s.points
                FROM unnest(?::uuid[], ?::text[], ?::bigint[], ?::bigint[]) AS k(metric_id, method, granularity, split_start)
                JOIN aggregate_split s USING (metric_id, method, granularity, split_start)""")) {
            select.setArray(1, connection.createArrayOf("uuid", metricIds.toArray()));
            select.setArray(2, connection.createArrayOf("text", methods.toArray()));
            select.setArray(3, connection.createArrayOf("bigint", granularities.toArray()));
            select.setArray(4, connection.createArrayOf("bigint", starts.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    SplitKey key = new SplitKey(
                            rows.getObject(1, UUID.class), rows.getString(2), rows.getLong(3), rows.getLong(4));
                    splits.put(key, SplitCodec.decode(rows.getBytes(5), key.splitStart(), key.granularity()));
                }
            }
        }
        return splits;
    }

    /** Writes the splits; an empty split is deleted rather than stored. */
    public void saveSplits(Connection connection, Map<SplitKey, TimeSeries> splits) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO aggregate_split (metric_id, method, granularity, split_start, points)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (metric_id, method, granularity, split_start) DO UPDATE SET points = EXCLUDED.points""");
                PreparedStatement delete = connection.prepareStatement("""
                        DELETE FROM aggregate_split
                        WHERE metric_id = ? AND method = ? AND granularity = ? AND split_start = ?""")) {
            boolean upserts = false;
            boolean deletes = false;
            for (Map.Entry<SplitKey, TimeSeries> split : splits.entrySet()) {
                SplitKey key = split.getKey();
                PreparedStatement statement = split.getValue().isEmpty() ? delete : upsert;
                statement.setObject(1, key.metricId());
                statement.setString(2, key.method());
                statement.setLong(3, key.granularity());
                statement.setLong(4, key.splitStart());
                if (split.getValue().isEmpty()) {
                    deletes = true;
                } else {
                    upsert.setBytes(5, SplitCodec.encode(split.getValue(), key.splitStart(), key.granularity()));
                    upserts = true;
                }
                statement.addBatch();
            }
            if (upserts) {
                upsert.executeBatch();
            }
            if (deletes) {
                delete.executeBatch();
            }
        }
    }

    public void deleteExpired(Connection connection, List<Expiry> expiries) throws SQLException {
        if (expiries.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM aggregate_split
                WHERE metric_id = ? AND method = ? AND granularity = ? AND split_start < ?""")) {
            for (Expiry expiry : expiries) {
                delete.setObject(1, expiry.metricId());
                delete.setString(2, expiry.method());
                delete.setLong(3, expiry.granularity());
                delete.setLong(4, expiry.keepFromSplit());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /**
     * Reads one method of a metric at several granularities, splits overlapping [from, to]
     * (null bounds are open), in one query. Returns the points per granularity, in time order.
     */
    public Map<Long, TimeSeries> read(
            Connection connection, UUID metricId, String method, List<Long> granularities, Long from, Long to)
            throws SQLException {
        Map<Long, List<TimeSeries>> parts = new TreeMap<>();
        Long[] firstSplits = new Long[granularities.size()];
        for (int i = 0; i < firstSplits.length; i++) {
            firstSplits[i] = from == null ? Long.MIN_VALUE : SplitKey.splitStartOf(from, granularities.get(i));
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT s.granularity, s.split_start, s.points
                FROM unnest(?::bigint[], ?::bigint[]) AS b(granularity, first_split)
                JOIN aggregate_split s ON s.granularity = b.granularity
                WHERE s.metric_id = ? AND s.method = ? AND s.split_start >= b.first_split AND s.split_start <= ?
                ORDER BY s.granularity, s.split_start""")) {
            select.setArray(1, connection.createArrayOf("bigint", granularities.toArray()));
            select.setArray(2, connection.createArrayOf("bigint", firstSplits));
            select.setObject(3, metricId);
            select.setString(4, method);
            select.setLong(5, to == null ? Long.MAX_VALUE : to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long granularity = rows.getLong(1);
                    parts.computeIfAbsent(granularity, g -> new ArrayList<>())
                            .add(SplitCodec.decode(rows.getBytes(3), rows.getLong(2), granularity));
                }
            }
        }
        Map<Long, TimeSeries> series = new LinkedHashMap<>();
        for (long granularity : granularities) {
            series.put(granularity, concatenate(parts.getOrDefault(granularity, List.of())));
        }
        return series;
    }

    private static TimeSeries concatenate(List<TimeSeries> splits) {
        int size = splits.stream().mapToInt(TimeSeries::size).sum();
        long[] timestamps = new long[size];
        double[] values = new double[size];
        int offset = 0;
        for (TimeSeries split : splits) {
            System.arraycopy(split.timestamps(), 0, timestamps, offset, split.size());
            System.arraycopy(split.values(), 0, values, offset, split.size());
            offset += split.size();
        }
        return new TimeSeries(timestamps, values);
    }

    /** One series to read in a multi-metric read. */
    public record SeriesKey(UUID metricId, String method, long granularity) {}

    /**
     * Reads many (metric, method) series at several granularities in one query, splits overlapping
     * [from, to]; series without data are absent from the answer.
     */
    public Map<SeriesKey, TimeSeries> readMany(
            Connection connection,
            List<UUID> metricIds,
            List<String> methods,
            List<Long> granularities,
            Long from,
            Long to)
            throws SQLException {
        Long[] firstSplits = new Long[granularities.size()];
        for (int i = 0; i < firstSplits.length; i++) {
            firstSplits[i] = from == null ? Long.MIN_VALUE : SplitKey.splitStartOf(from, granularities.get(i));
        }
        Map<SeriesKey, List<TimeSeries>> parts = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT s.metric_id, s.method, s.granularity, s.split_start, s.points
                FROM unnest(?::uuid[], ?::text[]) AS r(metric_id, method)
                CROSS JOIN unnest(?::bigint[], ?::bigint[]) AS b(granularity, first_split)
                JOIN aggregate_split s
                  ON s.metric_id = r.metric_id AND s.method = r.method AND s.granularity = b.granularity
                WHERE s.split_start >= b.first_split AND s.split_start <= ?
                ORDER BY s.metric_id, s.method, s.granularity, s.split_start""")) {
            select.setArray(1, connection.createArrayOf("uuid", metricIds.toArray()));
            select.setArray(2, connection.createArrayOf("text", methods.toArray()));
            select.setArray(3, connection.createArrayOf("bigint", granularities.toArray()));
            select.setArray(4, connection.createArrayOf("bigint", firstSplits));
            select.setLong(5, to == null ? Long.MAX_VALUE : to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long granularity = rows.getLong(3);
                    SeriesKey key = new SeriesKey(rows.getObject(1, UUID.class), rows.getString(2), granularity);
                    parts.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(SplitCodec.decode(rows.getBytes(5), rows.getLong(4), granularity));
                }
            }
        }
        Map<SeriesKey, TimeSeries> series = new HashMap<>();
        parts.forEach((key, splits) -> series.put(key, concatenate(splits)));
        return series;
    }
}
