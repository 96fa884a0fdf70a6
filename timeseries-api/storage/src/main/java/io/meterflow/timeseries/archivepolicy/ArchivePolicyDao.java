package io.meterflow.timeseries.archivepolicy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Archive policies in PostgreSQL; the definition is a small JSON document of nanosecond values. */
public final class ArchivePolicyDao {

    private static final String COLUMNS = "name, back_window, definition::text, aggregation_methods";

    private record StoredItem(long granularity, Long points, Long timespan) {}

    private final ObjectMapper json;
    private final Map<String, List<ArchivePolicyItem>> parsedDefinitions = new ConcurrentHashMap<>();

    public ArchivePolicyDao(ObjectMapper json) {
        this.json = json;
    }

    public void insert(Connection connection, ArchivePolicy policy) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO archive_policy (name, back_window, definition, aggregation_methods)
                VALUES (?, ?, ?::jsonb, ?)""")) {
            insert.setString(1, policy.name());
            insert.setInt(2, policy.backWindow());
            insert.setString(3, writeDefinition(policy.definition()));
            insert.setArray(
                    4,
                    connection.createArrayOf("text", policy.aggregationMethods().toArray()));
            insert.executeUpdate();
        }
    }

    public Optional<ArchivePolicy> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM archive_policy WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    public List<ArchivePolicy> list(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM archive_policy ORDER BY created_order");
                ResultSet rows = select.executeQuery()) {
            List<ArchivePolicy> policies = new ArrayList<>();
            while (rows.next()) {
                policies.add(read(rows));
            }
            return policies;
        }
    }

    public void updateDefinition(Connection connection, ArchivePolicy policy) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE archive_policy SET definition = ?::jsonb WHERE name = ?")) {
            update.setString(1, writeDefinition(policy.definition()));
            update.setString(2, policy.name());
            update.executeUpdate();
        }
    }

    /** Returns whether a policy was deleted; a policy still referenced raises a FK violation. */
    public boolean delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM archive_policy WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        }
    }

    private ArchivePolicy read(ResultSet row) throws SQLException {
        return read(row, 1);
    }

    /** Reads a policy from {@code name, back_window, definition::text, aggregation_methods} at a column. */
    public ArchivePolicy read(ResultSet row, int first) throws SQLException {
        Array methods = row.getArray(first + 3);
        return new ArchivePolicy(
                row.getString(first),
                row.getInt(first + 1),
                readDefinition(row.getString(first + 2)),
                new TreeSet<>(Arrays.asList((String[]) methods.getArray())));
    }

    private String writeDefinition(List<ArchivePolicyItem> items) {
        try {
            return json.writeValueAsString(items.stream()
                    .map(item -> new StoredItem(item.granularity(), item.points(), item.timespan()))
                    .toList());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Every metric read carries its policy's definition text; policies are few, so each distinct
     * text is parsed once. An updated policy has a new text, hence a new entry.
     */
    private List<ArchivePolicyItem> readDefinition(String text) {
        return parsedDefinitions.computeIfAbsent(text, this::parseDefinition);
    }

    private List<ArchivePolicyItem> parseDefinition(String text) {
        try {
            return json.readValue(text, new TypeReference<List<StoredItem>>() {}).stream()
                    .map(item -> new ArchivePolicyItem(item.granularity(), item.points(), item.timespan()))
                    .toList();
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("corrupt archive policy definition: " + text, corrupt);
        }
    }
}
