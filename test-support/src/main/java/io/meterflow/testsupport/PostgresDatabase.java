package io.meterflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL database that belongs to one test class: created before the class runs and dropped
 * after it, whoever was still connected.
 *
 * @param jdbcUrl URL of this database, without credentials, so it can be logged
 * @param user role that owns nothing special but may create tables in this database
 * @param password password of {@code user}; empty when the server trusts the connection
 * @param databaseName name of this database, {@code mf_test_} followed by random hex digits
 */
public record PostgresDatabase(String jdbcUrl, String user, String password, String databaseName) {

    public PostgresDatabase {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(databaseName, "databaseName");
        password = password == null ? "" : password;
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
    }

    /** A new, unpooled data source; wrap it in a pool when the code under test expects one. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public String toString() {
        return "PostgresDatabase[jdbcUrl=" + jdbcUrl + ", user=" + user + ", databaseName=" + databaseName + "]";
    }
}
