package io.meterflow.rating.database;

import java.sql.SQLException;

/** A database failure that is not the caller's fault: the API answers 500 and logs it. */
public final class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
