package io.meterflow.timeseries.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A database failure the caller cannot correct: answered as a 500 and logged with its cause.
 * {@link Transactions} turns one that is only the database being away into an
 * UnavailableException, a 503 worth a retry.
 */
public final class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    /**
     * The database could not be reached, or dropped the connection (a restart, a failover): the
     * work was rolled back with it, and the same request may be sent again. SQL states of class 08
     * (connection exception) and 57P (operator intervention: shutdown, cannot connect now), and
     * the pool's timeout waiting for a connection.
     */
    public boolean unavailable() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    public String sqlState() {
        return getCause() instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
