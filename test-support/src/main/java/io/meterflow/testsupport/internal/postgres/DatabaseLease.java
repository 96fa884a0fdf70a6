package io.meterflow.testsupport.internal.postgres;

import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.internal.IsolationId;
import io.meterflow.testsupport.internal.Resource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One test class's database: created when the lease is taken, dropped when it is closed. */
public final class DatabaseLease implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLease.class);

    private final PostgresAdmin admin;
    private final PostgresDatabase database;

    private DatabaseLease(PostgresAdmin admin, PostgresDatabase database) {
        this.admin = admin;
        this.database = database;
    }

    public static DatabaseLease take(PostgresServer server, IsolationId id) {
        PostgresAdmin admin = server.admin();
        // The id is [a-z0-9_] only (IsolationId checks it), so it is safe to splice into DDL.
        execute(admin, "CREATE DATABASE " + id.value());
        LOG.debug("Created database {} on {}", id, admin);
        return new DatabaseLease(admin, admin.database(id.value()));
    }

    public PostgresDatabase database() {
        return database;
    }

    /** Drops the database; FORCE ends connections a test or its pool left open (PostgreSQL 13+). */
    @Override
    public void close() {
        execute(admin, "DROP DATABASE IF EXISTS " + database.databaseName() + " WITH (FORCE)");
        LOG.debug("Dropped database {} on {}", database.databaseName(), admin);
    }

    private static void execute(PostgresAdmin admin, String sql) {
        try (Connection connection = admin.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on " + admin + ": " + sql, e);
        }
    }
}
