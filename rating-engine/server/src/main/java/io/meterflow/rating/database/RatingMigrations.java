package io.meterflow.rating.database;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The rating engine's schema: its own scripts ({@code db/rating}) and its own history table, so it
 * shares a database with the other services without running or validating their scripts
 * (docs/services.md).
 */
public final class RatingMigrations {

    static final String LOCATION = "classpath:db/rating";
    static final String HISTORY_TABLE = "rating_schema_history";

    private RatingMigrations() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
