package io.meterflow.singlenode;

import java.nio.file.Path;

/**
 * A PostgreSQL server this process runs, for a machine with no database. The implementation lives
 * in {@code deploy/embedded-postgres}, which only the embedded defaults put on the class path: a
 * service deployed against a real database carries no PostgreSQL binaries.
 */
public interface LocalPostgres extends AutoCloseable {

    /** A JDBC URL, with credentials, of the named database, created on first start. */
    String jdbcUrl();

    @Override
    void close();

    /** Starts servers; found with {@link java.util.ServiceLoader}. */
    interface Starter {
        /** Starts a server keeping its data in {@code dataDirectory} and serving {@code database}. */
        LocalPostgres start(Path dataDirectory, String database);
    }
}
