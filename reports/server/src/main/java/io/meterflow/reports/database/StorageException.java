package io.meterflow.reports.database;

import java.sql.SQLException;

/** The database failed or refused a write (an issued invoice's guard, a constraint). */
public final class StorageException extends RuntimeException {

    public StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** PostgreSQL's SQLSTATE, e.g. 23000 when the immutability guard refused a write. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
