package io.meterflow.timeseries.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.database.Migrations;
import io.meterflow.timeseries.split.SplitCodec;
import io.meterflow.timeseries.split.SplitKey;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A database written with 3,600-point splits (schema version 7) is re-split by the migration to
 * version 8: every point is read back unchanged, through the same range reads the API uses, and
 * every row holds only points of its own new split.
 */
@RealServices
class SmallerSplitsIT {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    /** 2014-11-01T00:00:00Z: the start of an old split at both granularities. */
    private static final long OLD_SPLIT = 1_414_800_000L * SECOND;

    @Test
    void oldSplitsAreRewrittenIntoSmallerOnesHoldingTheSamePoints(PostgresDatabase db) throws SQLException {
        Migrations.configuration(db.dataSource()).target("7").load().migrate();
        UUID metric = UUID.randomUUID();
        // A thousand seconds in a row, as version 1 stored them (every offset written).
        TimeSeries seconds = series(OLD_SPLIT, SECOND, 1_000, 0);
        // Minutes with gaps, spread over most of an old split of 3,600 minutes.
        TimeSeries minutes = series(OLD_SPLIT + 7 * MINUTE, 13 * MINUTE, 250, 1);
        // Already within one new split: left as it is.
        TimeSeries fewSeconds = series(OLD_SPLIT + 3_600 * SECOND, SECOND, 10, 2);
        try (Connection connection = db.connect()) {
            connection
                    .createStatement()
                    .execute("INSERT INTO archive_policy (name, back_window, definition, "
                            + "aggregation_methods) VALUES ('p', 0, '[]', '{mean,max}')");
            connection
                    .createStatement()
                    .execute("INSERT INTO metric (id, archive_policy_name, creator) VALUES ('" + metric
                            + "', 'p', 'admin')");
            insertVersion1(connection, metric, "mean", SECOND, OLD_SPLIT, seconds);
            insertVersion1(connection, metric, "mean", MINUTE, OLD_SPLIT, minutes);
            insertVersion1(connection, metric, "max", SECOND, OLD_SPLIT + 3_600 * SECOND, fewSeconds);
        }

        Migrations.migrate(db.dataSource());

        try (Connection connection = db.connect()) {
            AggregateStore store = new AggregateStore();
            assertThat(store.read(connection, metric, "mean", List.of(SECOND, MINUTE), null, null))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(SECOND, seconds, MINUTE, minutes));
            assertThat(store.read(connection, metric, "max", List.of(SECOND), null, null))
                    .containsExactlyEntriesOf(Map.of(SECOND, fewSeconds));
            // A range read starting inside an old split finds its points (it reads whole splits, the
            // caller trims); without the migration it would have found none.
            long from = OLD_SPLIT + 500 * SECOND;
            assertThat(store.read(connection, metric, "mean", List.of(SECOND), from, null)
                            .get(SECOND)
                            .from(from))
                    .isEqualTo(seconds.from(from));
            List<Long> secondSplits = splitStarts(connection, metric, "mean", SECOND);
            assertThat(secondSplits).hasSize(9); // 1,000 seconds over splits of 120
            assertThat(splitStarts(connection, metric, "max", SECOND)).containsExactly(OLD_SPLIT + 3_600 * SECOND);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT granularity, split_start, points FROM aggregate_split WHERE metric_id = ?")) {
                select.setObject(1, metric);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long granularity = rows.getLong(1);
                        long start = rows.getLong(2);
                        TimeSeries points = SplitCodec.decode(rows.getBytes(3), start, granularity);
                        assertThat(SplitKey.splitStartOf(points.first(), granularity))
                                .isEqualTo(start);
                        assertThat(SplitKey.splitStartOf(points.last(), granularity))
                                .isEqualTo(start);
                    }
                }
            }
        }
    }

    private static TimeSeries series(long first, long step, int count, int seed) {
        long[] timestamps = new long[count];
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            timestamps[i] = first + i * step;
            values[i] = seed * 1_000 + i * 0.5;
        }
        return new TimeSeries(timestamps, values);
    }

    /** The version 1 form: version, count, every bucket offset, then the values. */
    private static void insertVersion1(
            Connection connection, UUID metric, String method, long granularity, long splitStart, TimeSeries points)
            throws SQLException {
        ByteBuffer bytes = ByteBuffer.allocate(1 + 4 + points.size() * 12);
        bytes.put((byte) 1).putInt(points.size());
        for (long timestamp : points.timestamps()) {
            bytes.putInt((int) ((timestamp - splitStart) / granularity));
        }
        for (double value : points.values()) {
            bytes.putDouble(value);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO aggregate_split "
                + "(metric_id, method, granularity, split_start, points) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, metric);
            insert.setString(2, method);
            insert.setLong(3, granularity);
            insert.setLong(4, splitStart);
            insert.setBytes(5, bytes.array());
            insert.executeUpdate();
        }
    }

    private static List<Long> splitStarts(Connection connection, UUID metric, String method, long granularity)
            throws SQLException {
        List<Long> starts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT split_start FROM aggregate_split "
                + "WHERE metric_id = ? AND method = ? AND granularity = ? ORDER BY split_start")) {
            select.setObject(1, metric);
            select.setString(2, method);
            select.setLong(3, granularity);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    starts.add(rows.getLong(1));
                }
            }
        }
        return starts;
    }
}
