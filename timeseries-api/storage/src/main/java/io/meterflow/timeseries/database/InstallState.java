package io.meterflow.timeseries.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One-time steps of a new database (built-in archive policies, Ceilometer's resource types):
 * each is claimed once, under a table lock so that two instances starting together do not both
 * run it, and never again, so that what an operator deletes afterwards stays deleted.
 */
public final class InstallState {

    private InstallState() {}

    /**
     * Claims the step {@code key} within the caller's transaction, recording {@code outcome};
     * returns false when an earlier start already did.
     */
    public static boolean claim(Connection connection, String key, String outcome) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("LOCK TABLE install_state IN EXCLUSIVE MODE");
                PreparedStatement done = connection.prepareStatement("SELECT 1 FROM install_state WHERE key = ?");
                PreparedStatement mark =
                        connection.prepareStatement("INSERT INTO install_state (key, value) VALUES (?, ?)")) {
            lock.execute();
            done.setString(1, key);
            try (ResultSet row = done.executeQuery()) {
                if (row.next()) {
                    return false;
                }
            }
            mark.setString(1, key);
            mark.setString(2, outcome);
            mark.executeUpdate();
            return true;
        }
    }
}
