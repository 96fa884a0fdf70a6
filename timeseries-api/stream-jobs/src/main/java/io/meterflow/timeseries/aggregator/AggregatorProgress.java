package io.meterflow.timeseries.aggregator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code aggregator_progress} table: per partition of the measures topic, the offset of the
 * next record to fold. It is advanced in the transaction that writes the aggregates, so the
 * database alone says which records are folded, whatever Kafka's committed offsets say after a
 * crash between the two commits.
 */
public final class AggregatorProgress {

    /** Where a partition stands; {@code records} and {@code measures} are totals folded so far. */
    public record Position(long nextOffset, long records, long measures) {}

    public Optional<Position> read(Connection connection, String topic, int partition) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_offset, records, measures FROM aggregator_progress WHERE topic = ? AND partition = ?")) {
            select.setString(1, topic);
            select.setInt(2, partition);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Position(row.getLong(1), row.getLong(2), row.getLong(3)))
                        : Optional.empty();
            }
        }
    }

    public Map<Integer, Position> readAll(Connection connection, String topic) throws SQLException {
        Map<Integer, Position> positions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT partition, next_offset, records, measures FROM aggregator_progress WHERE topic = ?")) {
            select.setString(1, topic);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getInt(1), new Position(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
                }
            }
        }
        return positions;
    }

    /**
     * Moves the partition from {@code expected} (null: never folded) to {@code nextOffset}, adding
     * the counts. False when the stored position is not {@code expected}: another aggregator
     * instance folded these records first (this one is a zombie of a rebalance) and must not write.
     */
    public boolean advance(
            Connection connection,
            String topic,
            int partition,
            Long expected,
            long nextOffset,
            long records,
            long measures)
            throws SQLException {
        if (expected == null) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO aggregator_progress (topic, partition, next_offset, records, measures)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                insert.setString(1, topic);
                insert.setInt(2, partition);
                insert.setLong(3, nextOffset);
                insert.setLong(4, records);
                insert.setLong(5, measures);
                return insert.executeUpdate() == 1;
            }
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE aggregator_progress
                SET next_offset = ?, records = records + ?, measures = measures + ?, updated_at = now()
                WHERE topic = ? AND partition = ? AND next_offset = ?""")) {
            update.setLong(1, nextOffset);
            update.setLong(2, records);
            update.setLong(3, measures);
            update.setString(4, topic);
            update.setInt(5, partition);
            update.setLong(6, expected);
            return update.executeUpdate() == 1;
        }
    }
}
