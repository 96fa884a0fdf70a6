package io.meterflow.timeseries.database;

import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.split.SplitCodec;
import io.meterflow.timeseries.split.SplitKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema version 8: splits of {@link SplitKey#POINTS_PER_SPLIT} points instead of 3,600
 * ({@link SplitKey} says why). Every stored aggregate is read in split order, and those whose rows
 * hold points beyond their split's new span are rewritten as the new, smaller splits, in the
 * migration's transaction. Reads compute split starts from the new span, so an old row left as
 * it was would be missed by range reads.
 */
public final class SmallerSplits extends NumberedJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SmallerSplits.class);
    private static final int FETCH_SIZE = 1_000;
    private static final long PROGRESS_EVERY = 100_000;
    /** Rewrites are sent in batches of this many aggregates, deletes before inserts. */
    private static final int FLUSH_EVERY = 500;

    /** The stored rows of one aggregate (metric, method, granularity), in split order. */
    private record Aggregate(UUID metricId, String method, long granularity, List<StoredSplit> splits) {}

    private record StoredSplit(long start, TimeSeries points) {}

    public SmallerSplits() {
        super(8, "splits of 120 points"); // a literal: Flyway compares it with the applied one
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long rows = 0;
        long rewritten = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT metric_id, method, granularity, split_start, points FROM aggregate_split
                ORDER BY metric_id, method, granularity, split_start""");
                PreparedStatement delete = connection.prepareStatement("""
                        DELETE FROM aggregate_split WHERE metric_id = ? AND method = ? AND granularity = ?""");
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO aggregate_split (metric_id, method, granularity, split_start, points)
                        VALUES (?, ?, ?, ?, ?)""")) {
            select.setFetchSize(FETCH_SIZE); // a cursor: the table may be far larger than the heap
            try (ResultSet result = select.executeQuery()) {
                Aggregate current = null;
                while (result.next()) {
                    UUID metricId = result.getObject(1, UUID.class);
                    String method = result.getString(2);
                    long granularity = result.getLong(3);
                    if (current == null
                            || !current.metricId().equals(metricId)
                            || !current.method().equals(method)
                            || current.granularity() != granularity) {
                        if (resplit(current, delete, insert) && ++rewritten % FLUSH_EVERY == 0) {
                            flush(delete, insert);
                        }
                        current = new Aggregate(metricId, method, granularity, new ArrayList<>());
                    }
                    long start = result.getLong(4);
                    current.splits()
                            .add(new StoredSplit(start, SplitCodec.decode(result.getBytes(5), start, granularity)));
                    if (++rows % PROGRESS_EVERY == 0) {
                        LOG.info("Re-splitting aggregates: {} rows read, {} aggregates rewritten", rows, rewritten);
                    }
                }
                if (resplit(current, delete, insert)) {
                    rewritten++;
                }
            }
            flush(delete, insert);
        }
        LOG.info(
                "Splits of {} points: {} stored rows read, {} aggregates rewritten",
                SplitKey.POINTS_PER_SPLIT,
                rows,
                rewritten);
    }

    private static void flush(PreparedStatement delete, PreparedStatement insert) throws SQLException {
        delete.executeBatch();
        insert.executeBatch();
    }

    /** Queues the rewrite of an aggregate whose rows do not match the new split layout; true if it did. */
    private static boolean resplit(Aggregate aggregate, PreparedStatement delete, PreparedStatement insert)
            throws SQLException {
        if (aggregate == null || fitsNewLayout(aggregate)) {
            return false;
        }
        delete.setObject(1, aggregate.metricId());
        delete.setString(2, aggregate.method());
        delete.setLong(3, aggregate.granularity());
        delete.addBatch();
        TimeSeries points = TimeSeries.EMPTY;
        for (StoredSplit split : aggregate.splits()) {
            points = TimeSeries.merge(points, split.points());
        }
        long granularity = aggregate.granularity();
        for (Map.Entry<Long, TimeSeries> split :
                SplitKey.bySplit(points, 0, granularity).entrySet()) {
            insert.setObject(1, aggregate.metricId());
            insert.setString(2, aggregate.method());
            insert.setLong(3, granularity);
            insert.setLong(4, split.getKey());
            insert.setBytes(5, SplitCodec.encode(split.getValue(), split.getKey(), granularity));
            insert.addBatch();
        }
        return true;
    }

    private static boolean fitsNewLayout(Aggregate aggregate) {
        long granularity = aggregate.granularity();
        for (StoredSplit split : aggregate.splits()) {
            long start = split.start();
            if (SplitKey.splitStartOf(start, granularity) != start
                    || (!split.points().isEmpty()
                            && SplitKey.splitStartOf(split.points().last(), granularity) != start)) {
                return false;
            }
        }
        return true;
    }
}
