package io.meterflow.singlenode;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The PostgreSQL a service uses: the configured database if there is one, else a server started
 * in this process from the embedded defaults, its data kept under the service's data directory.
 */
public final class SingleNodePostgres implements AutoCloseable {

    private final String jdbcUrl;
    private final Optional<LocalPostgres> startedHere;

    private SingleNodePostgres(String jdbcUrl, Optional<LocalPostgres> startedHere) {
        this.jdbcUrl = jdbcUrl;
        this.startedHere = startedHere;
    }

    /**
     * The configured database when {@code configuredUrl} is not blank; otherwise {@code database} on a
     * server started here on {@code dataDirectory}.
     */
    public static SingleNodePostgres resolve(String configuredUrl, Path dataDirectory, String database) {
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            return new SingleNodePostgres(configuredUrl.strip(), Optional.empty());
        }
        LocalPostgres started = EmbeddedDefaults.starter(LocalPostgres.Starter.class, "PostgreSQL database")
                .start(dataDirectory, database);
        return new SingleNodePostgres(started.jdbcUrl(), Optional.of(started));
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** True if this process runs the server (and closing this stops it). */
    public boolean startedHere() {
        return startedHere.isPresent();
    }

    /** Stops the server if this process started it; a configured database is left alone. */
    @Override
    public void close() {
        startedHere.ifPresent(LocalPostgres::close);
    }
}
