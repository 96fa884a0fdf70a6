package io.meterflow.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which deployment each namespace's topics belong to, kept in a compacted topic of the Kafka
 * cluster itself ({@code meterflow.deployments}): the one place two deployments that share a
 * cluster both see.
 *
 * <p>A service with a database {@linkplain #claim claims} its namespace for its deployment id at
 * start; the first claim of a namespace wins, and a later claim by another deployment is refused
 * with a message naming both. Claims are keyed by namespace and deployment, so the record of the
 * first claim is never compacted away by a later one, and a refused claim is withdrawn with a
 * tombstone. Two deployments claiming one namespace at the same moment both write, both read back
 * in the log's order, and only the first stays.
 *
 * <p>A service without a database (the collector) asks which namespaces are {@linkplain
 * #namespaces() registered} and takes the only one, or is told to choose.
 */
public final class DeploymentRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentRegistry.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;
    private final String topic;

    public DeploymentRegistry(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /**
     * Makes {@code ours} the namespace's deployment, or throws {@link DeploymentConflictException}
     * naming the deployment that claimed it first.
     */
    public void claim(Registration ours) {
        ensureTopic();
        Optional<Registration> first = firstClaim(read(), ours.namespace());
        if (first.isPresent()) {
            refuseUnlessOurs(first.get(), ours);
            return;
        }
        write(ours.key(), encode(ours));
        Registration winner = firstClaim(read(), ours.namespace()).orElse(ours);
        if (!winner.deploymentId().equals(ours.deploymentId())) {
            write(ours.key(), null); // withdrawn: the namespace stays the winner's
        } else {
            LOG.info(
                    "Kafka {} at {} registered for {}", ours.namespace().describe(), bootstrapServers, ours.describe());
        }
        refuseUnlessOurs(winner, ours);
    }

    /** The namespaces claimed on this cluster, oldest first; none when no deployment has started yet. */
    public List<Registration> registrations() {
        ensureTopic();
        Map<DeploymentNamespace, Registration> firsts = new LinkedHashMap<>();
        for (Registration registration : read()) {
            firsts.putIfAbsent(registration.namespace(), registration);
        }
        return List.copyOf(firsts.values());
    }

    /** The distinct namespaces claimed on this cluster. */
    public Set<DeploymentNamespace> namespaces() {
        Set<DeploymentNamespace> namespaces = new LinkedHashSet<>();
        registrations().forEach(registration -> namespaces.add(registration.namespace()));
        return namespaces;
    }

    public String topic() {
        return topic;
    }

    private void refuseUnlessOurs(Registration first, Registration ours) {
        if (first.deploymentId().equals(ours.deploymentId())) {
            return;
        }
        throw new DeploymentConflictException(
                "The Kafka topics of " + ours.namespace().describe() + " on "
                        + bootstrapServers + " belong to " + first.describe() + ", but this service's database is "
                        + ours.describe() + ". Its measures would be folded into the other database, where they are "
                        + "unknown. Give this deployment its own namespace (METERFLOW_DEPLOYMENT), or point this "
                        + "service at the database of deployment " + first.deploymentId() + ".");
    }

    private static Optional<Registration> firstClaim(List<Registration> registrations, DeploymentNamespace namespace) {
        return registrations.stream()
                .filter(registration -> registration.namespace().equals(namespace))
                .findFirst();
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            NewTopic registry = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(registry)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "Could not create the deployment registry topic " + topic + " on " + bootstrapServers,
                        e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + topic, e);
        }
    }

    /** Every live claim in log order: a tombstone removes its key, a key written again moves to its new place. */
    private List<Registration> read() {
        Map<String, Registration> claims = new LinkedHashMap<>();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read the deployment registry " + topic + " on "
                            + bootstrapServers + " to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    claims.remove(record.key());
                    if (record.value() != null) {
                        decode(record).ifPresent(registration -> claims.put(record.key(), registration));
                    }
                }
            }
        }
        return new ArrayList<>(claims.values());
    }

    private void write(String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Could not write to the deployment registry " + topic + " on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + topic, e);
        }
    }

    private static String encode(Registration registration) {
        ObjectNode node = JSON.createObjectNode();
        node.put("namespace", registration.namespace().value());
        node.put("deployment_id", registration.deploymentId().toString());
        node.put("description", registration.description());
        node.put("registered_at", registration.registeredAt().toString());
        return node.toString();
    }

    /** A record this version cannot read is skipped with a warning: the registry must not stop a start. */
    private Optional<Registration> decode(ConsumerRecord<String, String> record) {
        try {
            JsonNode node = JSON.readTree(record.value());
            return Optional.of(new Registration(
                    new DeploymentNamespace(node.path("namespace").asText()),
                    UUID.fromString(node.path("deployment_id").asText()),
                    node.path("description").asText(""),
                    Instant.parse(node.path("registered_at").asText())));
        } catch (Exception e) {
            LOG.warn(
                    "Skipping unreadable record {} at offset {} of {}: {}",
                    record.key(),
                    record.offset(),
                    topic,
                    e.toString());
            return Optional.empty();
        }
    }
}
