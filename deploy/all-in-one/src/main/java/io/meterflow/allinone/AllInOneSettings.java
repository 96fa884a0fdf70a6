package io.meterflow.allinone;

import io.meterflow.singlenode.EmbeddedKafkaOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the all-in-one runs on: its command line and the environment variables it reads itself.
 * Everything else (ports, auth details, rating periods...) each service reads from the same
 * environment, as when it runs alone.
 *
 * @param configuredAmqpUrl {@code METERFLOW_AMQP_URL}: a RabbitMQ to use instead of the embedded broker
 * @param configuredDatabaseUrl {@code METERFLOW_DB_URL}: a PostgreSQL to use instead of the embedded one
 * @param configuredKafka {@code METERFLOW_KAFKA}: a Kafka cluster to use instead of the embedded broker
 */
public record AllInOneSettings(
        Path dataDir,
        boolean demo,
        String authMode,
        Optional<String> configuredAmqpUrl,
        Optional<String> configuredDatabaseUrl,
        Optional<String> configuredKafka,
        int preferredAmqpPort,
        EmbeddedKafkaOptions kafka,
        Ports ports) {

    /** The APIs' ports: their usual ones unless the services' own variables say otherwise. */
    public record Ports(int timeseries, int collector, int rating, int reports) {}

    /** Thrown for a command line the all-in-one does not understand; the message says what. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static AllInOneSettings parse(List<String> args, UnaryOperator<String> environment) throws UsageException {
        boolean demo = false;
        Optional<String> dataDir = present(environment.apply("METERFLOW_DATA_DIR"));
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--data-dir")) {
                if (rest.isEmpty()) {
                    throw new UsageException("--data-dir needs a directory");
                }
                dataDir = Optional.of(rest.remove(0));
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Optional.of(arg.substring("--data-dir=".length()));
            } else {
                throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        String authMode = present(environment.apply("METERFLOW_AUTH_MODE")).orElse("basic");
        // The all-in-one is the development mode: Keystone belongs to a real cloud, where each service
        // runs alone with METERFLOW_AUTH_MODE=keystone (docs/keystone.md), and the demo signs in as basic users.
        if (!List.of("basic", "noauth").contains(authMode)) {
            throw new UsageException(
                    "METERFLOW_AUTH_MODE must be basic or noauth for the all-in-one, not '" + authMode + "'");
        }
        return new AllInOneSettings(
                Path.of(dataDir.orElse("data")).toAbsolutePath().normalize(),
                demo,
                authMode,
                present(environment.apply("METERFLOW_AMQP_URL")),
                present(environment.apply("METERFLOW_DB_URL")),
                present(environment.apply("METERFLOW_KAFKA")),
                port(environment, "METERFLOW_AMQP_PORT", 5672),
                EmbeddedKafkaOptions.persistent(
                        port(environment, "METERFLOW_KAFKA_PORT", EmbeddedKafkaOptions.DEFAULT_BROKER_PORT),
                        port(
                                environment,
                                "METERFLOW_KAFKA_CONTROLLER_PORT",
                                EmbeddedKafkaOptions.DEFAULT_CONTROLLER_PORT)),
                new Ports(
                        port(environment, "METERFLOW_TIMESERIES_PORT", 8041),
                        port(environment, "METERFLOW_COLLECTOR_PORT", 8043),
                        port(environment, "METERFLOW_RATING_PORT", 8889),
                        port(environment, "METERFLOW_REPORTS_PORT", 8890)));
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static int port(UnaryOperator<String> environment, String name, int fallback) throws UsageException {
        Optional<String> value = present(environment.apply(name));
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.get());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a port number, not '" + value.get() + "'");
        }
    }
}
