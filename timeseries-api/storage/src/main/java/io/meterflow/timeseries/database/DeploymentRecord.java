package io.meterflow.timeseries.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * The deployment this database belongs to, as migration 9 stored it.
 *
 * @param id the deployment's id, the same for every service sharing the database
 * @param legacyTopics whether the database predates deployment namespaces and keeps the old topic names
 * @param installedAt when it was stored
 */
public record DeploymentRecord(UUID id, boolean legacyTopics, Instant installedAt) {

    public static DeploymentRecord read(Transactions transactions) {
        return transactions.read(DeploymentRecord::read);
    }

    static DeploymentRecord read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT id, legacy_topics, installed_at FROM deployment")) {
            if (!row.next()) {
                throw new IllegalStateException("The database has no deployment row: was migration 9 applied?");
            }
            return new DeploymentRecord(
                    row.getObject(1, UUID.class),
                    row.getBoolean(2),
                    row.getTimestamp(3).toInstant());
        }
    }
}
