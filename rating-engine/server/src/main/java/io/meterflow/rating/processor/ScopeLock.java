package io.meterflow.rating.processor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Which process rates a scope: a PostgreSQL advisory lock held for one period's transaction, so
 * any number of rating processes on one database share the scopes and never rate one twice at
 * the same time, and a process that dies releases its scopes with its connection.
 */
final class ScopeLock {

    private ScopeLock() {}

    /** Takes the scope's lock until the transaction ends; false when another transaction holds it. */
    static boolean tryTake(Connection c, String scope) throws SQLException {
        try (PreparedStatement statement =
                c.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
            statement.setString(1, "meterflow-rating-scope:" + scope);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
