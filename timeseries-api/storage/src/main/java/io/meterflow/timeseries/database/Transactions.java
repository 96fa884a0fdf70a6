package io.meterflow.timeseries.database;

import io.meterflow.timeseries.failure.UnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs work in a transaction: commit when it returns, roll back when it throws. */
public final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

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
            throw failed("transaction failed", failure);
        }
    }

    /** Read-only work on an autocommit connection: no transaction round trips. */
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException failure) {
            throw failed("query failed", failure);
        }
    }

    /**
     * A database that is restarting or failing over is a refusal the client may retry (a 503 with
     * Retry-After, as for Kafka), not a failure of ours; anything else stays a DatabaseException.
     */
    private static RuntimeException failed(String what, SQLException failure) {
        DatabaseException wrapped = new DatabaseException(what, failure);
        if (wrapped.unavailable()) {
            LOG.warn("Database unavailable: {}", wrapped.getMessage());
            return new UnavailableException("The database is unavailable. Please try again.");
        }
        return wrapped;
    }
}
