package io.meterflow.testsupport.internal;

import io.meterflow.testsupport.AmqpBroker;
import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.internal.amqp.AmqpLease;
import io.meterflow.testsupport.internal.kafka.TopicLease;
import io.meterflow.testsupport.internal.postgres.DatabaseLease;
import java.util.List;
import java.util.Objects;

/**
 * What one test class holds on the shared servers, all named after its {@link IsolationId}: taken
 * when the class first asks, given back when the class is done.
 */
public final class ClassServices implements Resource {

    private final IsolationId id;
    private final StartOnce<DatabaseLease> database;
    private final StartOnce<AmqpLease> amqp;
    private final StartOnce<TopicLease> topics;

    public ClassServices(SharedServices shared, IsolationId id) {
        Objects.requireNonNull(shared, "shared");
        this.id = Objects.requireNonNull(id, "id");
        this.database = new StartOnce<>(() -> DatabaseLease.take(shared.postgres(), id));
        this.amqp = new StartOnce<>(() -> shared.amqp().reserve(id));
        this.topics = new StartOnce<>(() -> TopicLease.take(shared.kafka(), id));
    }

    public IsolationId id() {
        return id;
    }

    public PostgresDatabase postgres() {
        return database.get().database();
    }

    public AmqpBroker amqp() {
        return amqp.get().broker();
    }

    public KafkaBroker kafka() {
        return topics.get().broker();
    }

    @Override
    public void close() {
        StartOnce.closeAll(List.of(topics, amqp, database));
    }
}
