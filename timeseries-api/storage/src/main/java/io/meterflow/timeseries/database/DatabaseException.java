package io.meterflow.timeseries.database;

import java.sql.SQLException;

/** A database failure the caller cannot correct; answered as a 500 and logged with its cause. */
public final class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    public String sqlState() {
        return getCause() instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
