package io.meterflow.allinone;

import io.meterflow.allinone.amqp.EmbeddedAmqpBroker;
import io.meterflow.singlenode.SingleNodeKafka;
import io.meterflow.singlenode.SingleNodePostgres;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers the services run on: the configured ones, else PostgreSQL, Kafka and an AMQP broker
 * started here under the data directory. They start side by side (each waits on its own disk and
 * ports) and stop in the reverse order, after every service.
 */
final class Infrastructure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);

    private final String databaseUrl;
    private final String kafka;
    private final String amqpUrl;
    private final String description;
    private final Deque<AutoCloseable> startedHere;

    private Infrastructure(
            String databaseUrl, String kafka, String amqpUrl, String description, Deque<AutoCloseable> startedHere) {
        this.databaseUrl = databaseUrl;
        this.kafka = kafka;
        this.amqpUrl = amqpUrl;
        this.description = description;
        this.startedHere = startedHere;
    }

    static Infrastructure start(AllInOneSettings settings) {
        // One database for every service, as each service alone would use: their tables and
        // migration histories have names of their own.
        CompletableFuture<SingleNodePostgres> postgres = CompletableFuture.supplyAsync(() -> SingleNodePostgres.resolve(
                settings.configuredDatabaseUrl().orElse(null),
                settings.dataDir().resolve("postgres"),
                "meterflow"));
        CompletableFuture<SingleNodeKafka> kafka = CompletableFuture.supplyAsync(() -> SingleNodeKafka.resolve(
                settings.configuredKafka().orElse(null), settings.dataDir().resolve("kafka"), settings.kafka()));
        CompletableFuture<EmbeddedAmqpBroker> amqp =
                settings.configuredAmqpUrl().isPresent()
                        ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.supplyAsync(() -> EmbeddedAmqpBroker.start(
                                settings.dataDir().resolve("amqp"), settings.preferredAmqpPort()));
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            CompletableFuture.allOf(postgres, kafka, amqp).join();
        } catch (CompletionException e) {
            // Whatever did start is stopped again before the failure is reported.
            for (CompletableFuture<? extends AutoCloseable> server : java.util.List.of(postgres, kafka, amqp)) {
                if (!server.isCompletedExceptionally() && server.join() != null) {
                    closeQuietly(server.join());
                }
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        if (postgres.join().startedHere()) {
            started.push(postgres.join());
        }
        if (kafka.join().startedHere()) {
            started.push(kafka.join());
        }
        String amqpUrl;
        String amqpDescription;
        if (amqp.join() != null) {
            started.push(amqp.join());
            amqpUrl = amqp.join().url();
            amqpDescription = "embedded AMQP 0-9-1 broker (Qpid Broker-J) on 127.0.0.1:"
                    + amqp.join().port() + ", guest/guest";
        } else {
            amqpUrl = settings.configuredAmqpUrl().orElseThrow();
            amqpDescription = "the configured AMQP broker";
        }
        String description = String.join(
                "\n",
                "  PostgreSQL  "
                        + (postgres.join().startedHere()
                                ? "embedded, data in " + settings.dataDir().resolve("postgres")
                                : "the configured database"),
                "  Kafka       " + kafka.join().description(),
                "  bus         " + amqpDescription);
        return new Infrastructure(
                postgres.join().jdbcUrl(), kafka.join().bootstrapServers(), amqpUrl, description, started);
    }

    String databaseUrl() {
        return databaseUrl;
    }

    String kafka() {
        return kafka;
    }

    String amqpUrl() {
        return amqpUrl;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        while (!startedHere.isEmpty()) {
            closeQuietly(startedHere.pop());
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("{} did not stop cleanly", server, e);
        }
    }
}
