package io.meterflow.testsupport.internal;

import io.meterflow.testsupport.internal.amqp.AmqpServer;
import io.meterflow.testsupport.internal.amqp.AmqpServers;
import io.meterflow.testsupport.internal.kafka.KafkaServer;
import io.meterflow.testsupport.internal.kafka.KafkaServers;
import io.meterflow.testsupport.internal.postgres.PostgresServer;
import io.meterflow.testsupport.internal.postgres.PostgresServers;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers one test run shares: one of each at most, each started when a class first asks for
 * it and stopped when the run ends.
 */
public final class SharedServices implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SharedServices.class);

    private final StartOnce<PostgresServer> postgres;
    private final StartOnce<AmqpServer> amqp;
    private final StartOnce<KafkaServer> kafka;

    public SharedServices(ServiceSettings settings, DockerProbe docker) {
        this.postgres = new StartOnce<>(announced(
                "PostgreSQL", () -> PostgresServers.start(settings.postgres(), docker), PostgresServer::description));
        this.amqp = new StartOnce<>(
                announced("AMQP broker", () -> AmqpServers.start(settings.amqp(), docker), AmqpServer::description));
        this.kafka = new StartOnce<>(
                announced("Kafka", () -> KafkaServers.start(settings.kafka(), docker), KafkaServer::description));
    }

    public PostgresServer postgres() {
        return postgres.get();
    }

    public AmqpServer amqp() {
        return amqp.get();
    }

    public KafkaServer kafka() {
        return kafka.get();
    }

    @Override
    public void close() {
        StartOnce.closeAll(List.of(kafka, amqp, postgres));
    }

    /** Logs the chosen source once per run, with the start-up time that a slow build will ask about. */
    private static <T> Supplier<T> announced(String service, Supplier<T> starter, Function<T, String> description) {
        return () -> {
            long startedAt = System.nanoTime();
            T server = starter.get();
            LOG.info(
                    "{} for tests: {} (ready in {} ms)",
                    service,
                    description.apply(server),
                    (System.nanoTime() - startedAt) / 1_000_000);
            return server;
        };
    }
}
