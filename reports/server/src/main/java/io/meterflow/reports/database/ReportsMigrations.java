package io.meterflow.reports.database;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The invoice service's schema: its scripts ({@code db/reports}) and its own history table, so it
 * shares a database with the rating engine and the time-series service without touching theirs.
 */
public final class ReportsMigrations {

    private ReportsMigrations() {}

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/reports")
                .table("reports_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
