package io.meterflow.servicedatabase;

import com.codahale.metrics.MetricRegistry;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import io.meterflow.singlenode.SingleNodePostgres;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A service's pooled PostgreSQL: the configured one, or the embedded one under the data directory
 * when none is configured; both closed when the service stops, the pool before the database.
 */
public final class ServiceDatabase {

    private ServiceDatabase() {}

    /**
     * @param poolName the pool's name in metrics and logs, e.g. {@code meterflow-rating}
     * @param driverProperties PostgreSQL driver settings, e.g. {@code reWriteBatchedInserts}
     */
    public static DataSource dataSource(
            DatabaseSettings settings,
            String dataDir,
            String poolName,
            MetricRegistry metrics,
            LifecycleEnvironment lifecycle,
            Map<String, String> driverProperties) {
        SingleNodePostgres database =
                SingleNodePostgres.resolve(settings.url(), Path.of(dataDir, "postgres"), "meterflow");
        lifecycle.manage(new Managed() {
            @Override
            public void stop() {
                database.close();
            }
        });
        HikariDataSource pool = pool(database.jdbcUrl(), settings.maxPoolSize(), poolName, driverProperties);
        pool.setMetricRegistry(metrics);
        lifecycle.manage(new Managed() {
            @Override
            public void stop() {
                pool.close();
            }
        });
        return pool;
    }

    /** A pool for a command that runs and exits; the caller closes it. */
    public static HikariDataSource pool(
            String jdbcUrl, int maxPoolSize, String poolName, Map<String, String> driverProperties) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setMaximumPoolSize(maxPoolSize);
        hikari.setPoolName(poolName);
        driverProperties.forEach(hikari::addDataSourceProperty);
        return new HikariDataSource(hikari);
    }
}
