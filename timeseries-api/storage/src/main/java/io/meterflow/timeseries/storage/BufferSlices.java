package io.meterflow.timeseries.storage;

import io.meterflow.timeseries.aggregation.Buckets;
import io.meterflow.timeseries.aggregation.MetricUpdate;
import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.split.SplitCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The unaggregated buffers of metrics, stored in slices of {@link #SPAN} so that a fold rewrites
 * the minute its new measures fall in, not the whole buffer (migration V6 says why). Slices are
 * dropped once their newest point has left the back window; the points of a kept slice that are
 * older than the window stay until then, and {@code MetricAggregator} leaves them out.
 */
public final class BufferSlices {

    /** A minute: at one measure a second a slice holds 60 points, 965 bytes, below TOAST's 2 kB. */
    public static final long SPAN = 60_000_000_000L;

    /**
     * A change of a metric's buffer: {@code points} are all its points from the start of the
     * slice of the first changed one on ({@link #from}), and slices whose newest point is older
     * than {@code keepFrom} are dropped (when {@code trim}: only a fold that moved the window has
     * any to drop).
     */
    public record Write(UUID metricId, TimeSeries points, long keepFrom, boolean trim) {

        /** The slices {@code update} changed of a buffer that was {@code previous}. */
        public static Write of(UUID metricId, TimeSeries previous, MetricUpdate update, long keepFrom) {
            boolean windowMoved = !previous.isEmpty() && previous.first() < keepFrom;
            return new Write(metricId, update.buffer().from(from(update.firstAccepted())), keepFrom, windowMoved);
        }
    }

    /** The start of the slice holding {@code timestamp}: a write's points begin there. */
    public static long from(long timestamp) {
        return Buckets.floor(timestamp, SPAN);
    }

    /** The buffers of the metrics, all slices merged; a metric without slices is absent. */
    public Map<UUID, TimeSeries> load(Connection connection, Collection<UUID> metricIds) throws SQLException {
        Map<UUID, List<TimeSeries>> slices = new HashMap<>();
        if (metricIds.isEmpty()) {
            return Map.of();
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT metric_id, points FROM metric_unaggregated_slice
                WHERE metric_id = ANY (?) ORDER BY metric_id, slice_start""")) {
            select.setArray(1, connection.createArrayOf("uuid", metricIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    slices.computeIfAbsent(rows.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(SplitCodec.decodeRaw(rows.getBytes(2)));
                }
            }
        }
        Map<UUID, TimeSeries> buffers = new HashMap<>();
        slices.forEach((id, parts) -> {
            TimeSeries buffer = TimeSeries.EMPTY;
            for (TimeSeries part : parts) {
                buffer = TimeSeries.merge(buffer, part); // slices are disjoint but for a migrated buffer
            }
            buffers.put(id, buffer);
        });
        return buffers;
    }

    /** Writes the changed slices and drops the expired ones, in the caller's transaction. */
    public void save(Connection connection, Collection<Write> writes) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO metric_unaggregated_slice (metric_id, slice_start, last_timestamp, points)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (metric_id, slice_start)
                DO UPDATE SET last_timestamp = EXCLUDED.last_timestamp, points = EXCLUDED.points""");
                PreparedStatement trim = connection.prepareStatement("""
                        DELETE FROM metric_unaggregated_slice WHERE metric_id = ? AND last_timestamp < ?""")) {
            boolean upserts = false;
            boolean trims = false;
            for (Write write : writes) {
                TimeSeries points = write.points();
                int index = 0;
                while (index < points.size()) {
                    long start = from(points.timestamps()[index]);
                    int end = points.indexFrom(start + SPAN);
                    TimeSeries slice = points.slice(index, end);
                    upsert.setObject(1, write.metricId());
                    upsert.setLong(2, start);
                    upsert.setLong(3, slice.last());
                    upsert.setBytes(4, SplitCodec.encodeRaw(slice));
                    upsert.addBatch();
                    upserts = true;
                    index = end;
                }
                if (write.trim()) {
                    trim.setObject(1, write.metricId());
                    trim.setLong(2, write.keepFrom());
                    trim.addBatch();
                    trims = true;
                }
            }
            if (upserts) {
                upsert.executeBatch();
            }
            if (trims) {
                trim.executeBatch();
            }
        }
    }
}
