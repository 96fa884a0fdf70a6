package io.meterflow.allinone;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The environment each service of the all-in-one reads its configuration from: the process's
 * variables, under the settings that make the services one installation (one database, one Kafka,
 * one bus, each other's addresses), under the demo's settings. The services read their packaged
 * YAML through it, exactly as when they run alone.
 */
final class ServiceEnvironment {

    enum Service {
        TIMESERIES,
        COLLECTOR,
        RATING,
        REPORTS
    }

    private final AllInOneSettings settings;
    private final Infrastructure infrastructure;
    private final Map<String, String> demo;
    private final UnaryOperator<String> process;

    ServiceEnvironment(
            AllInOneSettings settings,
            Infrastructure infrastructure,
            Map<String, String> demo,
            UnaryOperator<String> process) {
        this.settings = settings;
        this.infrastructure = infrastructure;
        this.demo = Map.copyOf(demo);
        this.process = process;
    }

    UnaryOperator<String> of(Service service) {
        Map<String, String> wiring = new HashMap<>(demo);
        wiring.put("METERFLOW_DATA_DIR", settings.dataDir().toString());
        wiring.put("METERFLOW_DB_URL", infrastructure.databaseUrl());
        wiring.put("METERFLOW_KAFKA", infrastructure.kafka());
        wiring.put("METERFLOW_AMQP_URL", infrastructure.amqpUrl());
        wiring.put("METERFLOW_AUTH_MODE", settings.authMode());
        wiring.put(
                "METERFLOW_TIMESERIES_URL",
                "http://127.0.0.1:" + settings.ports().timeseries());
        wiring.put(
                "METERFLOW_RATING_URL", "http://127.0.0.1:" + settings.ports().rating());
        // The rating engine and the reports read the time-series API as its admin.
        wiring.put("METERFLOW_TIMESERIES_AUTH", settings.authMode());
        wiring.put("METERFLOW_TIMESERIES_USER", "admin");
        Map<String, String> sized = new HashMap<>();
        // Four services share one PostgreSQL and two cores: smaller pools than a service alone takes.
        // The JIT warm-ups (seconds of synthetic work so the first real requests are fast) would
        // double the start of a process whose point is to be up quickly; its first requests are few.
        switch (service) {
            case TIMESERIES -> {
                sized.put("METERFLOW_DB_POOL_SIZE", "6");
                sized.put("METERFLOW_WARMUP_ROUNDS", "0");
            }
            case RATING -> sized.put("METERFLOW_RATING_DB_POOL_SIZE", "4");
            case REPORTS -> sized.put("METERFLOW_REPORTS_DB_POOL_SIZE", "4");
            case COLLECTOR -> sized.put("METERFLOW_WARM_UP_MILLIS", "0");
        }
        return name -> {
            if (wiring.containsKey(name)) {
                return wiring.get(name);
            }
            String value = process.apply(name);
            return value != null ? value : sized.get(name);
        };
    }
}
