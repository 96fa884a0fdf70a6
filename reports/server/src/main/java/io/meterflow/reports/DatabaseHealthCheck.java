package io.meterflow.reports;

import com.codahale.metrics.health.HealthCheck;
import java.sql.Connection;
import javax.sql.DataSource;

/** Healthy while PostgreSQL answers within a second. */
final class DatabaseHealthCheck extends HealthCheck {

    private final DataSource dataSource;

    DatabaseHealthCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected Result check() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1) ? Result.healthy() : Result.unhealthy("PostgreSQL did not answer");
        }
    }
}
