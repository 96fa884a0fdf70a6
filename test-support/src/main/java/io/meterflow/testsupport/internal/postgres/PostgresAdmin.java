package io.meterflow.testsupport.internal.postgres;

import io.meterflow.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A way into a PostgreSQL server as a role that may create and drop databases. The URL holds no
 * credentials, so it can appear in logs and error messages.
 */
public record PostgresAdmin(JdbcUrl url, String user, String password) {

    public PostgresAdmin {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (url.parameters().containsKey("user") || url.parameters().containsKey("password")) {
            throw new IllegalArgumentException("Credentials belong in user and password, not in the URL");
        }
    }

    /**
     * Reads a URL of the form {@code jdbc:postgresql://host:port/admin-db?user=...&password=...}, the
     * form of {@code METERFLOW_TEST_PG_URL}.
     */
    public static PostgresAdmin parse(String urlWithCredentials) {
        JdbcUrl url = JdbcUrl.parse(urlWithCredentials);
        String user = url.parameters().get("user");
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("JDBC URL names no user (add ?user=...)");
        }
        return new PostgresAdmin(
                url.without("user").without("password"), user, url.parameters().get("password"));
    }

    /** An admin for a server whose URL may or may not carry the user (zonky's does). */
    static PostgresAdmin of(String url, String user, String password) {
        return new PostgresAdmin(JdbcUrl.parse(url).without("user").without("password"), user, password);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url.toString(), user, password);
    }

    /** The database called {@code name} on this server, reached as this admin's role. */
    PostgresDatabase database(String name) {
        return new PostgresDatabase(url.withDatabase(name).toString(), user, password, name);
    }

    @Override
    public String toString() {
        return url + " as " + user;
    }
}
