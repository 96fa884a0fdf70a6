package io.meterflow.reports.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One transaction per call: committed when the work returns, rolled back when it throws. */
public final class Transactions {

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
