package io.meterflow.testsupport.internal.postgres;

import io.meterflow.testsupport.internal.DockerProbe;
import io.meterflow.testsupport.internal.Resource;
import io.meterflow.testsupport.internal.ScratchDirectory;
import io.meterflow.testsupport.internal.Source;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Starts (or finds) the PostgreSQL server for the test run, from the first source available. */
public final class PostgresServers {

    /** TimescaleDB, because production runs on it; plain PostgreSQL tests run on it unchanged. */
    static final DockerImageName IMAGE =
            DockerImageName.parse("timescale/timescaledb:latest-pg17").asCompatibleSubstituteFor("postgres");

    private PostgresServers() {}

    public static PostgresServer start(Optional<PostgresAdmin> configured, DockerProbe docker) {
        return switch (Source.choose(configured.isPresent(), docker)) {
            case EXTERNAL ->
                new PostgresServer(
                        configured.orElseThrow(),
                        "external server " + configured.orElseThrow() + " (METERFLOW_TEST_PG_URL)",
                        Resource.NONE);
            case CONTAINER -> container();
            case EMBEDDED -> embedded();
        };
    }

    private static PostgresServer container() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        PostgresAdmin admin =
                PostgresAdmin.of(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        return new PostgresServer(
                admin, "Testcontainers " + IMAGE.asCanonicalNameString() + " at " + admin, container::stop);
    }

    /**
     * Zonky's PostgreSQL 17 binaries, unpacked to the system temp directory (shared by every module),
     * with the data directory under {@code target/}. Zonky also registers a shutdown hook that stops
     * the server if the JVM ends before JUnit closes it.
     */
    private static PostgresServer embedded() {
        ScratchDirectory data = ScratchDirectory.create("postgres");
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data.path())
                    .setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + data.path(), e);
        }
        PostgresAdmin admin = PostgresAdmin.of(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        return new PostgresServer(
                admin, "embedded zonky PostgreSQL at " + admin + ", data in " + data.path(), () -> stop(postgres));
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop embedded PostgreSQL", e);
        }
    }
}
