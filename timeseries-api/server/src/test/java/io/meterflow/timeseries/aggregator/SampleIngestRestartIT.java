package io.meterflow.timeseries.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Point;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample ingest killed with SIGKILL in the middle of the collector's stream and started
 * again: every sample becomes exactly one committed measure (none lost, none produced twice by
 * the replay), and the aggregates count each once.
 */
@RealServices
class SampleIngestRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "sample-restart";
    private static final int INSTANCES = 8;
    private static final int SAMPLES_PER_INSTANCE = 150;
    private static final int CHUNK = 100;

    private static ApiFixture api;
    private static GnocchiClient admin;
    private static PostgresDatabase database;
    private static KafkaBroker kafka;

    @BeforeAll
    static void start(PostgresDatabase db, KafkaBroker broker) throws Exception {
        database = db;
        kafka = broker;
        api = ApiFixture.startAsConfigured(db, KafkaMode.on(broker, NAME, false));
        admin = api.admin();
        admin.createPolicy(Map.of(
                "name",
                "per-second",
                "back_window",
                0,
                "aggregation_methods",
                List.of("sum", "count"),
                "definition",
                List.of(Map.of("granularity", 1, "timespan", "1 day"))));
        assertThat(admin.post(
                                "/v1/archive_policy_rule",
                                Map.of(
                                        "name",
                                        "memory-per-second",
                                        "metric_pattern",
                                        "memory",
                                        "archive_policy_name",
                                        "per-second"))
                        .status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void killedMidStreamAndRestartedEverySampleIsOneMeasure() throws Exception {
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(UUID.randomUUID().toString());
        }
        Instant origin = Instant.parse("2024-01-15T10:00:00Z");
        List<ObjectNode> samples = new ArrayList<>();
        for (int second = 0; second < SAMPLES_PER_INSTANCE; second++) {
            for (String instance : instances) {
                samples.add(sample(instance, origin.plusSeconds(second), second));
            }
        }
        int chunks = (samples.size() + CHUNK - 1) / CHUNK;
        AggregatorProcess restarted = null;
        try (AggregatorProcess first = AggregatorProcess.start("sample-first", database, kafka, NAME);
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                        "bootstrap.servers",
                        kafka.bootstrapServers(),
                        "key.serializer",
                        ByteArraySerializer.class,
                        "value.serializer",
                        ByteArraySerializer.class))) {
            for (int chunk = 0; chunk < chunks; chunk++) {
                for (ObjectNode sample :
                        samples.subList(chunk * CHUNK, Math.min(samples.size(), (chunk + 1) * CHUNK))) {
                    producer.send(new ProducerRecord<>(
                            KafkaMode.samplesTopic(kafka, NAME),
                            sample.get("resource_id").asText().getBytes(StandardCharsets.UTF_8),
                            sample.toString().getBytes(StandardCharsets.UTF_8)));
                }
                producer.flush();
                if (chunk == 0) {
                    awaitInstances(1, Duration.ofSeconds(90)); // the process is up and ingesting
                }
                if (chunk == chunks / 2) {
                    first.kill();
                } else if (chunk == chunks * 3 / 4) {
                    restarted = AggregatorProcess.start("sample-restarted", database, kafka, NAME);
                }
                Thread.sleep(150);
            }
            assertThat(first.alive()).isFalse();
            Map<String, String> metricOf = awaitMetrics(instances, Duration.ofSeconds(90));
            awaitCounts(metricOf.values(), Duration.ofSeconds(90));

            double expectedSum = (SAMPLES_PER_INSTANCE - 1) * SAMPLES_PER_INSTANCE / 2.0;
            for (String metric : metricOf.values()) {
                List<Point> counts = admin.measures(metric, "granularity=1&aggregation=count");
                assertThat(counts).as("points of %s", metric).hasSize(SAMPLES_PER_INSTANCE);
                assertThat(counts).allSatisfy(point -> assertThat(point.value()).isEqualTo(1.0));
                assertThat(admin.measures(metric, "granularity=1&aggregation=sum").stream()
                                .mapToDouble(Point::value)
                                .sum())
                        .as("sum of %s", metric)
                        .isEqualTo(expectedSum);
            }
            // Overwrites would hide a doubled measure in the aggregates: count the committed records.
            Map<String, Integer> measuresPerMetric = committedMeasures();
            assertThat(measuresPerMetric).hasSize(INSTANCES);
            assertThat(measuresPerMetric.values()).allSatisfy(n -> assertThat(n).isEqualTo(SAMPLES_PER_INSTANCE));
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    private static ObjectNode sample(String instance, Instant timestamp, double volume) {
        ObjectNode metadata = JSON.createObjectNode().put("display_name", "vm").put("host", "compute-1");
        metadata.putObject("flavor").put("id", "4").put("name", "m1.medium");
        ObjectNode sample = JSON.createObjectNode()
                .put("format_version", 1)
                .put("id", UUID.randomUUID().toString())
                .put("name", "memory")
                .put("type", "gauge")
                .put("unit", "MB")
                .put("volume", volume)
                .put("user_id", "user-a")
                .put("project_id", "project-a")
                .put("resource_id", instance)
                .put("timestamp", timestamp.toString().replace("Z", "+00:00"))
                .put("source", "openstack");
        sample.set("resource_metadata", metadata);
        return sample;
    }

    private static void awaitInstances(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (admin.get("/v1/resource/instance").json().size() >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no instance created within " + timeout);
    }

    private static Map<String, String> awaitMetrics(List<String> instances, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> metricOf = new HashMap<>();
        while (System.nanoTime() < deadline && metricOf.size() < instances.size()) {
            for (String instance : instances) {
                GnocchiClient.Reply reply = admin.get("/v1/resource/instance/" + instance);
                if (reply.status() == 200 && reply.json().at("/metrics/memory").isTextual()) {
                    metricOf.put(instance, reply.json().at("/metrics/memory").asText());
                }
            }
            Thread.sleep(200);
        }
        assertThat(metricOf).as("instances with their memory metric").hasSize(instances.size());
        return metricOf;
    }

    private static void awaitCounts(java.util.Collection<String> metrics, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = metrics.stream()
                    .allMatch(metric -> admin.measures(metric, "refresh=true&granularity=1&aggregation=count")
                                    .size()
                            >= SAMPLES_PER_INSTANCE);
            if (all) {
                return;
            }
            Thread.sleep(250);
        }
        // The assertions that follow say what is missing.
    }

    /** Measures per metric in the committed records of the measures topic (aborted ones are skipped). */
    private static Map<String, Integer> committedMeasures() throws Exception {
        Map<String, Integer> perMetric = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "isolation.level",
                "read_committed",
                "key.deserializer",
                ByteArrayDeserializer.class,
                "value.deserializer",
                ByteArrayDeserializer.class))) {
            String topic = KafkaMode.measuresTopic(kafka, NAME);
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode value = JSON.readTree(record.value());
                    perMetric.merge(
                            value.get("metric_id").asText(),
                            value.get("measures").size(),
                            Integer::sum);
                }
            }
        }
        return perMetric;
    }
}
