package io.meterflow.timeseries.database;

import com.codahale.metrics.health.HealthCheck;
import java.sql.Connection;
import javax.sql.DataSource;

/** Healthy when PostgreSQL answers a trivial query within a second. */
public final class DatabaseHealthCheck extends HealthCheck {

    private final DataSource dataSource;

    public DatabaseHealthCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected Result check() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1) ? Result.healthy() : Result.unhealthy("PostgreSQL did not answer");
        }
    }
}
