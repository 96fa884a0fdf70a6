package io.meterflow.timeseries.archivepolicyrule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Archive policy rules in PostgreSQL. */
public final class ArchivePolicyRuleDao {

    /**
     * Gnocchi lists (and matches) rules by pattern, descending, then name: longer, more specific
     * patterns sort before {@code *}. Byte order (COLLATE "C") keeps this independent of locale.
     */
    private static final String ORDER = " ORDER BY metric_pattern COLLATE \"C\" DESC, name COLLATE \"C\"";

    public void insert(Connection connection, ArchivePolicyRule rule) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO archive_policy_rule (name, metric_pattern, archive_policy_name) VALUES (?, ?, ?)")) {
            insert.setString(1, rule.name());
            insert.setString(2, rule.metricPattern());
            insert.setString(3, rule.archivePolicyName());
            insert.executeUpdate();
        }
    }

    public Optional<ArchivePolicyRule> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, metric_pattern, archive_policy_name FROM archive_policy_rule WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    public List<ArchivePolicyRule> list(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT name, metric_pattern, archive_policy_name FROM archive_policy_rule" + ORDER);
                ResultSet rows = select.executeQuery()) {
            List<ArchivePolicyRule> rules = new ArrayList<>();
            while (rows.next()) {
                rules.add(read(rows));
            }
            return rules;
        }
    }

    public boolean rename(Connection connection, String name, String newName) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE archive_policy_rule SET name = ? WHERE name = ?")) {
            update.setString(1, newName);
            update.setString(2, name);
            return update.executeUpdate() > 0;
        }
    }

    public boolean delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM archive_policy_rule WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        }
    }

    private static ArchivePolicyRule read(ResultSet row) throws SQLException {
        return new ArchivePolicyRule(row.getString(1), row.getString(2), row.getString(3));
    }
}
