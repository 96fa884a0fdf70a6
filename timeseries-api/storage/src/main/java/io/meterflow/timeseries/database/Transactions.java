package io.meterflow.timeseries.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in a transaction: commit when it returns, roll back when it throws. */
public final class Transactions {

    /** SQLSTATE of a foreign key violation. */
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    /** SQLSTATE of a unique constraint violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            }
        } catch (SQLException failure) {
            throw new DatabaseException("transaction failed", failure);
        }
    }

    /** Read-only work on an autocommit connection: no transaction round trips. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException failure) {
            throw new DatabaseException("query failed", failure);
        }
    }
}
