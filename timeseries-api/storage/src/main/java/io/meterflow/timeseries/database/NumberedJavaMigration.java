package io.meterflow.timeseries.database;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema migration written in Java, numbered like the SQL scripts and run in Flyway's
 * transaction. Its checksum is its version: the code of an applied migration does not change, so
 * there is nothing else for Flyway to compare. Registered in {@link Migrations}.
 */
public abstract class NumberedJavaMigration implements JavaMigration {

    private final int version;
    private final String description;

    protected NumberedJavaMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return version;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
