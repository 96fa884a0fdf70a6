package io.meterflow.timeseries.deadletter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code dead_letter} table: which source records the stream jobs dead-lettered, counted once
 * each however often a replay dead-letters them again.
 */
public final class DeadLetterLedger {

    /** What the stream jobs dead-letter. */
    public enum Kind {
        MEASURES("measures"),
        SAMPLE("sample"),
        RESOURCE_EVENT("resource-event");

        private final String column;

        Kind(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    /**
     * One dead-lettered source record.
     *
     * @param metricId the metric its measures were for; null when unknown (an unreadable record)
     * @param measures how many measures it held (0 for samples and events: they become measures only once applied)
     */
    public record Entry(
            Kind kind, String topic, int partition, long offset, UUID metricId, int measures, String reason) {}

    /** Dead letters of one kind since the database was installed. */
    public record Totals(long records, long measures) {}

    /** What became of a metric's records in an offset range of its partition. */
    public record MetricDeadLetters(long records, long measures, String lastReason) {}

    /** Within the caller's transaction; a record already counted is left as it is. */
    public void record(Connection connection, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO dead_letter (source_topic, source_partition, source_offset, kind, metric_id, measures, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (Entry entry : entries) {
                insert.setString(1, entry.topic());
                insert.setInt(2, entry.partition());
                insert.setLong(3, entry.offset());
                insert.setString(4, entry.kind().column());
                if (entry.metricId() == null) {
                    insert.setNull(5, Types.OTHER);
                } else {
                    insert.setObject(5, entry.metricId());
                }
                insert.setInt(6, entry.measures());
                insert.setString(7, entry.reason());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** By kind, every kind present (a kind never dead-lettered is absent). */
    public Map<Kind, Totals> totals(Connection connection) throws SQLException {
        Map<Kind, Totals> totals = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT kind, count(*), coalesce(sum(measures), 0) FROM dead_letter GROUP BY kind ORDER BY kind");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                for (Kind kind : Kind.values()) {
                    if (kind.column().equals(rows.getString(1))) {
                        totals.put(kind, new Totals(rows.getLong(2), rows.getLong(3)));
                    }
                }
            }
        }
        return totals;
    }

    /** The metric's dead-lettered records among offsets {@code [from, to)} of a partition of the measures topic. */
    public Optional<MetricDeadLetters> forMetric(
            Connection connection, UUID metricId, String topic, int partition, long from, long to) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT count(*), coalesce(sum(measures), 0),
                       (array_agg(reason ORDER BY source_offset DESC))[1]
                FROM dead_letter
                WHERE metric_id = ? AND source_topic = ? AND source_partition = ?
                  AND source_offset >= ? AND source_offset < ?""")) {
            select.setObject(1, metricId);
            select.setString(2, topic);
            select.setInt(3, partition);
            select.setLong(4, from);
            select.setLong(5, to);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1) == 0
                        ? Optional.empty()
                        : Optional.of(new MetricDeadLetters(row.getLong(1), row.getLong(2), row.getString(3)));
            }
        }
    }
}
