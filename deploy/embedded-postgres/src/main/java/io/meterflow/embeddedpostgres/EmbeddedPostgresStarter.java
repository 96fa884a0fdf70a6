package io.meterflow.embeddedpostgres;

import io.meterflow.singlenode.LocalPostgres;
import java.nio.file.Path;

/** How {@code SingleNodePostgres} starts a server when this module is on the class path. */
public final class EmbeddedPostgresStarter implements LocalPostgres.Starter {

    @Override
    public LocalPostgres start(Path dataDirectory, String database) {
        return EmbeddedPostgresServer.start(dataDirectory, database);
    }
}
