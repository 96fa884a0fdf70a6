package io.meterflow.testsupport.internal.postgres;

import io.meterflow.testsupport.internal.Resource;
import java.util.Objects;

/**
 * A PostgreSQL server the whole test run shares, whatever its source.
 *
 * @param admin how to create and drop databases on it
 * @param description where it came from, for the log
 * @param shutdown stops it if this JVM started it; does nothing for an external server
 */
public record PostgresServer(PostgresAdmin admin, String description, Resource shutdown) implements Resource {

    public PostgresServer {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(shutdown, "shutdown");
    }

    @Override
    public void close() {
        shutdown.close();
    }
}
