package io.meterflow.timeseries.samples;

import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import io.meterflow.timeseries.aggregator.KafkaMode;
import io.meterflow.timeseries.resourceid.ResourceIds;
import io.meterflow.wire.DeadLetterHeaders;
import io.meterflow.wire.ResourceEventCodec;
import io.meterflow.wire.Sample;
import io.meterflow.wire.SampleCodec;
import io.meterflow.wire.WireFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample ingest end to end on a real PostgreSQL and a real broker, in the API process as on a
 * single node: collector-format samples and resource events in, resources, metrics and measures
 * read back through the Gnocchi API.
 */
@RealServices
class SampleIngestIT {

    private static final Logger LOG = LoggerFactory.getLogger(SampleIngestIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "sample-ingest";

    private static ApiFixture api;
    private static GnocchiClient admin;
    private static KafkaBroker kafka;
    private static KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    static void start(PostgresDatabase db, KafkaBroker broker) throws Exception {
        kafka = broker;
        api = ApiFixture.startAsConfigured(db, KafkaMode.on(broker, NAME, true));
        admin = api.admin();
        admin.createPolicy(Map.of(
                "name",
                "counting",
                "back_window",
                0,
                "aggregation_methods",
                List.of("mean", "count"),
                "definition",
                List.of(Map.of("granularity", 60, "timespan", "1 day"))));
        assertThat(admin.post(
                                "/v1/archive_policy_rule",
                                Map.of(
                                        "name",
                                        "images",
                                        "metric_pattern",
                                        "image.*",
                                        "archive_policy_name",
                                        "counting"))
                        .status())
                .isEqualTo(201);
        producer = KafkaMode.producer(kafka);
    }

    @AfterAll
    static void stop() {
        producer.close();
        api.close();
    }

    /**
     * The consumer's half of the wire contract: the records the collector publishes for the golden
     * notifications (the wire module's fixtures, which the collector's own test checks it writes)
     * become the resources, metrics and measures Ceilometer's publisher would make of them.
     */
    @Test
    void theCollectorsGoldenRecordsBecomeResourcesMetricsAndMeasures() {
        ResourceEventCodec events = new ResourceEventCodec(JSON);
        for (byte[] value : WireFixtures.values(WireFixtures.RESOURCE_EVENTS)) {
            producer.send(new ProducerRecord<>(
                    KafkaMode.resourceEventsTopic(kafka, NAME),
                    events.decode(value).resourceId().getBytes(StandardCharsets.UTF_8),
                    value));
        }
        SampleCodec samples = new SampleCodec(JSON);
        List<Sample> sent = new ArrayList<>();
        for (byte[] value : WireFixtures.values(WireFixtures.SAMPLES)) {
            Sample sample = samples.decode(value);
            sent.add(sample);
            producer.send(new ProducerRecord<>(
                    KafkaMode.samplesTopic(kafka, NAME), sample.resourceId().getBytes(StandardCharsets.UTF_8), value));
        }

        Map<String, String> typeOf = Map.of(
                "memory", "instance", "vcpus", "instance", "disk.root.size", "instance", "volume.size", "volume");
        List<Sample> checked =
                sent.stream().filter(s -> typeOf.containsKey(s.name())).toList();
        assertThat(checked).hasSizeGreaterThan(10);
        for (Sample sample : checked) {
            JsonNode resource = awaitResource(
                    typeOf.get(sample.name()),
                    sample.resourceId(),
                    r -> r.path("metrics").has(sample.name()));
            assertThat(resource.get("project_id").asText()).isEqualTo(sample.projectId());
            List<GnocchiClient.Point> measures =
                    awaitMeasures(resource.at("/metrics/" + sample.name()).asText(), "aggregation=mean", 1);
            assertThat(measures)
                    .as("%s of %s", sample.name(), sample.resourceId())
                    .isNotEmpty();
        }
    }

    @Test
    void samplesBecomeResourcesOfTheMappedTypeWithMetricsAndMeasures() {
        String instance = UUID.randomUUID().toString();
        sendSample(sample(
                "memory", "MB", 2048, instance, "2024-01-15T10:00:10+00:00", instanceMetadata("vm-1", "compute-1")));
        sendSample(sample(
                "cpu", "ns", 1.0e9, instance, "2024-01-15T10:00:10+00:00", instanceMetadata("vm-1", "compute-1")));
        sendSample(sample(
                "memory", "MB", 4096, instance, "2024-01-15T10:01:10+00:00", instanceMetadata("vm-1", "compute-1")));

        JsonNode resource =
                awaitResource("instance", instance, r -> r.path("metrics").size() == 2);
        assertThat(resource.get("host").asText()).isEqualTo("compute-1");
        assertThat(resource.get("display_name").asText()).isEqualTo("vm-1");
        assertThat(resource.get("flavor_id").asText()).isEqualTo("4");
        assertThat(resource.get("flavor_name").asText()).isEqualTo("m1.medium");
        assertThat(resource.get("project_id").asText()).isEqualTo("project-a");
        assertThat(resource.get("creator").asText()).isEqualTo("meterflow");
        JsonNode cpu =
                admin.get("/v1/metric/" + resource.at("/metrics/cpu").asText()).json();
        JsonNode memory = admin.get(
                        "/v1/metric/" + resource.at("/metrics/memory").asText())
                .json();
        assertThat(cpu.at("/archive_policy/name").asText()).isEqualTo("ceilometer-low-rate");
        assertThat(memory.at("/archive_policy/name").asText())
                .as("no policy in the mapping: the rules decide")
                .isEqualTo("low");
        assertThat(memory.get("unit").asText()).isEqualTo("MB");

        assertThat(awaitMeasures(memory.get("id").asText(), "granularity=300&aggregation=mean", 1))
                .containsExactly(point("2024-01-15T10:00:00+00:00", 300, 3072.0));
    }

    @Test
    void nonUuidResourceIdsGetGnocchisTransformation() {
        sendSample(sample(
                "hardware.ipmi.node.power", "W", 230, "node/7", "2024-01-15T10:00:00+00:00", JSON.createObjectNode()));

        UUID expected = ResourceIds.toResourceUuid("node_7", "meterflow");
        JsonNode resource = awaitResource("ipmi", expected.toString(), r -> true);
        assertThat(resource.get("original_resource_id").asText()).isEqualTo("node_7");
    }

    @Test
    void aReplayedSampleIsNotCountedTwice() {
        String image = UUID.randomUUID().toString();
        ObjectNode metadata = JSON.createObjectNode()
                .put("name", "cirros")
                .put("container_format", "bare")
                .put("disk_format", "qcow2");
        ObjectNode once = sample("image.size", "B", 1000, image, "2024-01-15T10:00:05+00:00", metadata);
        sendSample(once);
        sendSample(once); // the collector's redelivery after a restart: same sample, same id
        sendSample(sample("image.size", "B", 3000, image, "2024-01-15T10:00:35+00:00", metadata));

        String metric = awaitResource(
                        "image",
                        image,
                        r -> r.has("metrics") && r.at("/metrics/image.size").isTextual())
                .at("/metrics/image.size")
                .asText();
        assertThat(awaitMeasures(metric, "granularity=60&aggregation=count", 1))
                .containsExactly(point("2024-01-15T10:00:00+00:00", 60, 2.0));
        assertThat(admin.measures(metric, "refresh=true&granularity=60&aggregation=mean"))
                .containsExactly(point("2024-01-15T10:00:00+00:00", 60, 2000.0));
    }

    @Test
    void changedAttributesMakeOneRevisionAndUnchangedOnesNone() {
        String instance = UUID.randomUUID().toString();
        sendSample(sample("memory", "MB", 1, instance, "2024-01-15T10:00:00+00:00", instanceMetadata("a", "h1")));
        awaitResource("instance", instance, r -> true);
        sendSample(sample("memory", "MB", 1, instance, "2024-01-15T10:05:00+00:00", instanceMetadata("b", "h1")));
        sendSample(sample("memory", "MB", 1, instance, "2024-01-15T10:10:00+00:00", instanceMetadata("b", "h1")));
        sendSample(sample("vcpus", "vcpu", 2, instance, "2024-01-15T10:10:00+00:00", instanceMetadata("b", "h1")));

        awaitResource("instance", instance, r -> r.path("metrics").has("vcpus"));
        JsonNode history =
                admin.get("/v1/resource/instance/" + instance + "/history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("display_name").asText()).isEqualTo("a");
        assertThat(history.get(1).get("display_name").asText()).isEqualTo("b");
    }

    @Test
    void resourceEventsCreateUpdateAndEndResources() {
        String volume = UUID.randomUUID().toString();
        sendEvent(event(
                "created",
                volume,
                "volume",
                JSON.createObjectNode()
                        .put("display_name", "data")
                        .put("volume_type", "ssd")
                        .put("size", 10),
                null));
        assertThat(awaitResource("volume", volume, r -> true)
                        .get("display_name")
                        .asText())
                .isEqualTo("data");

        sendEvent(event("updated", volume, "volume", JSON.createObjectNode().put("display_name", "data-2"), null));
        awaitResource("volume", volume, r -> r.get("display_name").asText().equals("data-2"));

        Instant endedAt = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        sendEvent(event("deleted", volume, "volume", JSON.createObjectNode(), endedAt.toString()));
        JsonNode ended = awaitResource("volume", volume, r -> !r.get("ended_at").isNull());
        assertThat(Instant.parse(ended.get("ended_at").asText().replace("+00:00", "Z")))
                .isEqualTo(endedAt);
    }

    @Test
    void eventsOfUnknownTypesAndResourcesAreIgnoredNotDeadLettered() {
        long ignored = meter("meterflow.sample-ingest.events.ignored");
        sendEvent(event("created", UUID.randomUUID().toString(), "router", JSON.createObjectNode(), null));
        sendEvent(event("deleted", UUID.randomUUID().toString(), "volume", JSON.createObjectNode(), null));

        eventually(() -> meter("meterflow.sample-ingest.events.ignored") >= ignored + 2);
    }

    @Test
    void malformedInputIsDeadLetteredWithItsReasonAndTheStreamGoesOn() {
        String instance = UUID.randomUUID().toString();
        sendRaw(KafkaMode.samplesTopic(kafka, NAME), "{not json");
        sendRaw(KafkaMode.samplesTopic(kafka, NAME), "{\"format_version\": 2, \"name\": \"memory\"}");
        ObjectNode noResource =
                sample("memory", "MB", 1, instance, "2024-01-15T10:00:00+00:00", JSON.createObjectNode());
        noResource.remove("resource_id");
        sendSample(noResource);
        ObjectNode badDisk = sample(
                "disk.device.read.bytes",
                "B",
                1,
                instance + "-vda",
                "2024-01-15T10:00:00+00:00",
                JSON.createObjectNode().put("disk_name", "vda").put("instance_id", "not-a-uuid"));
        sendSample(badDisk);
        sendRaw(
                KafkaMode.resourceEventsTopic(kafka, NAME),
                "{\"format_version\": 1, \"event\": \"exploded\", "
                        + "\"resource_id\": \"x\", \"resource_type\": \"volume\", \"event_time\": \"2024-01-15T10:00:00\"}");
        sendSample(sample("memory", "MB", 1, instance, "2024-01-15T10:00:00+00:00", instanceMetadata("ok", "h")));

        awaitResource("instance", instance, r -> true);
        List<String> reasons = deadLetters(records -> records.stream()
                        .map(SampleIngestIT::reason)
                        .anyMatch(r -> r.contains("unknown event exploded")))
                .stream()
                .map(SampleIngestIT::reason)
                .toList();
        assertThat(reasons).anyMatch(r -> r.startsWith("unreadable sample"));
        assertThat(reasons).anyMatch(r -> r.contains("unsupported format_version 2"));
        assertThat(reasons).anyMatch(r -> r.equals("missing resource_id"));
        assertThat(reasons).anyMatch(r -> r.contains("attribute instance_id = \"not-a-uuid\" does not fit"));
        assertThat(reasons).anyMatch(r -> r.contains("unknown event exploded"));
        // Counted in the database, once per source record: four samples and one event here.
        eventually(() -> admin.get("/v1/status")
                                .json()
                                .at("/dead_letters/sample/records")
                                .asLong()
                        >= 4
                && admin.get("/v1/status")
                                .json()
                                .at("/dead_letters/resource-event/records")
                                .asLong()
                        >= 1);
    }

    /**
     * The 2,687 samples Ceilometer's agent wrote for the golden notification stream: every mapped
     * meter's resource gets the type of its mapping, and a metric's measures aggregate to the
     * means of its volumes. Sent twice, the second time through a warm cache, whose cost is logged.
     */
    @Test
    void goldenSamplesBecomeResourcesOfTheirTypesAndMeasures() throws Exception {
        List<ObjectNode> golden = new ArrayList<>();
        for (String line : WireFixtures.lines(WireFixtures.GOLDEN_CEILOMETER_SAMPLES)) {
            ObjectNode sample = (ObjectNode) JSON.readTree(line);
            sample.put("format_version", 1);
            golden.add(sample);
        }
        MeterMapping mapping = MeterMapping.builtIn();
        long deadBefore = meter("meterflow.sample-ingest.dead-lettered");

        long received = meter("meterflow.sample-ingest.samples.received");
        golden.forEach(SampleIngestIT::sendSample);
        eventually(() -> meter("meterflow.sample-ingest.samples.received") >= received + golden.size());
        long misses = meter("meterflow.sample-ingest.cache.misses");
        long hits = meter("meterflow.sample-ingest.cache.hits");
        long second = meter("meterflow.sample-ingest.samples.received");
        long startNanos = System.nanoTime();
        golden.forEach(SampleIngestIT::sendSample);
        eventually(() -> meter("meterflow.sample-ingest.samples.received") >= second + golden.size());
        long warmNanos = System.nanoTime() - startNanos;
        JsonNode resolve = metrics().at("/timers/meterflow.sample-ingest.resolve");
        LOG.warn(
                "Golden samples, second pass: {} cache hits, {} misses, {} samples in {} ms end to end; "
                        + "resolve over both passes (in {}): mean {}, p50 {}, p99 {}",
                meter("meterflow.sample-ingest.cache.hits") - hits,
                meter("meterflow.sample-ingest.cache.misses") - misses,
                golden.size(),
                warmNanos / 1_000_000,
                resolve.get("duration_units"),
                resolve.get("mean"),
                resolve.get("p50"),
                resolve.get("p99"));
        // Dead letters: image.download/serve samples carry none of the image type's required attributes; for
        // an image no image.size sample created first, the resource cannot be created (Ceilometer drops them).
        long deadLettered = meter("meterflow.sample-ingest.dead-lettered") - deadBefore;
        List<ConsumerRecord<byte[], byte[]>> letters = deadLetters(records -> records.stream()
                        .filter(r -> reason(r).startsWith("creation of image"))
                        .count()
                >= deadLettered);
        java.util.Set<String> refused = new java.util.HashSet<>();
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            if (reason(letter).startsWith("creation of image")) {
                assertThat(reason(letter)).contains("required key not provided @ data['name']");
                refused.add(new String(letter.key(), StandardCharsets.UTF_8));
            }
        }
        // A warm cache asks the database nothing, except for a sample whose attributes differ from the
        // previous sample of its resource (notifications carry different metadata), and for refused ones.
        Map<String, Long> lastHash = new HashMap<>();
        long expectedHits = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (ObjectNode sample : golden) {
                MappedMeter meter = mapping.find(sample.get("name").asText()).orElse(null);
                if (meter == null) {
                    continue;
                }
                String resource = sample.get("resource_id").asText();
                long hash = FittedAttributes.hash(
                        meter.resource().resourceType(), meter.resource().attributes(sample.get("resource_metadata")));
                Long previous = lastHash.put(resource, hash);
                if (pass == 1 && previous != null && previous == hash && !refused.contains(resource)) {
                    expectedHits++;
                }
            }
        }
        assertThat(meter("meterflow.sample-ingest.cache.hits") - hits).isEqualTo(expectedHits);

        Map<String, String> typeOf = new LinkedHashMap<>();
        Map<String, List<ObjectNode>> byMetric = new HashMap<>();
        for (ObjectNode sample : golden) {
            mapping.find(sample.get("name").asText()).ifPresent(meter -> {
                typeOf.putIfAbsent(
                        sample.get("resource_id").asText(), meter.resource().resourceType());
                if (meter.archivePolicyName() == null) {
                    byMetric.computeIfAbsent(
                                    sample.get("resource_id").asText() + " "
                                            + sample.get("name").asText(),
                                    k -> new ArrayList<>())
                            .add(sample);
                }
            });
        }
        for (Map.Entry<String, String> expected : typeOf.entrySet()) {
            if (refused.contains(expected.getKey())) {
                continue;
            }
            UUID id = ResourceIds.toResourceUuid(IngestIdentity.gnocchiId(expected.getKey()), "meterflow");
            Reply reply = admin.get("/v1/resource/generic/" + id);
            assertThat(reply.status()).as("resource %s", expected.getKey()).isEqualTo(200);
            assertThat(reply.json().get("type").asText())
                    .as("type of %s", expected.getKey())
                    .isEqualTo(expected.getValue());
        }

        // Every metric whose policy the rules chose, against the mean of its samples per bucket of the
        // policy's finest granularity ("low": 5 minutes; "counting" for images: 1 minute).
        int checked = 0;
        for (List<ObjectNode> samples : byMetric.values()) {
            String resourceId = samples.get(0).get("resource_id").asText();
            if (refused.contains(resourceId)) {
                continue;
            }
            String name = samples.get(0).get("name").asText();
            UUID id = ResourceIds.toResourceUuid(IngestIdentity.gnocchiId(resourceId), "meterflow");
            String metric = admin.get("/v1/resource/generic/" + id)
                    .json()
                    .at("/metrics/" + name)
                    .asText();
            long granularity = seconds(admin.get("/v1/metric/" + metric)
                    .json()
                    .at("/archive_policy/definition/0/granularity")
                    .asText());
            assertThat(admin.measures(metric, "refresh=true&granularity=" + granularity + "&aggregation=mean"))
                    .as("%s of %s", name, resourceId)
                    .containsExactlyElementsOf(means(samples, granularity));
            checked++;
        }
        LOG.warn(
                "Golden samples: the measures of {} metrics checked ({} with a policy from the rules)",
                checked,
                byMetric.size());
        assertThat(checked).isGreaterThan(byMetric.size() / 2);
    }

    /** Seconds of a timespan as Gnocchi shows it: {@code 0:05:00}, {@code 1 day, 0:00:00}. */
    private static long seconds(String timespan) {
        long days = 0;
        String clock = timespan;
        if (timespan.contains(",")) {
            days = Long.parseLong(timespan.substring(0, timespan.indexOf(' ')));
            clock = timespan.substring(timespan.indexOf(',') + 1).trim();
        }
        String[] parts = clock.split(":");
        return days * 86_400
                + Long.parseLong(parts[0]) * 3600
                + Long.parseLong(parts[1]) * 60
                + (long) Double.parseDouble(parts[2]);
    }

    /** The mean per bucket of a metric's samples, summed in timestamp order as the aggregator sums. */
    private static List<GnocchiClient.Point> means(List<ObjectNode> samples, long granularitySeconds) {
        TreeMap<Instant, Double> lastValue = new TreeMap<>(); // same timestamp twice: the last value wins
        for (ObjectNode sample : samples) {
            String timestamp = sample.get("timestamp").asText().replace("+00:00", "Z");
            // Some services send naive timestamps; Gnocchi reads them as UTC.
            lastValue.put(
                    Instant.parse(timestamp.endsWith("Z") ? timestamp : timestamp + "Z"),
                    sample.get("volume").asDouble());
        }
        TreeMap<Instant, double[]> buckets = new TreeMap<>();
        lastValue.forEach((timestamp, value) -> {
            Instant bucket = Instant.ofEpochSecond(
                    timestamp.getEpochSecond() - Math.floorMod(timestamp.getEpochSecond(), granularitySeconds));
            double[] sum = buckets.computeIfAbsent(bucket, b -> new double[2]);
            sum[0] += value;
            sum[1]++;
        });
        List<GnocchiClient.Point> expected = new ArrayList<>();
        buckets.forEach((bucket, sum) ->
                expected.add(point(bucket.toString().replace("Z", "+00:00"), granularitySeconds, sum[0] / sum[1])));
        return expected;
    }

    private static ObjectNode instanceMetadata(String displayName, String host) {
        ObjectNode metadata = JSON.createObjectNode()
                .put("display_name", displayName)
                .put("host", host)
                .put("instance_type", "m1.medium")
                .put("image_ref", "cirros")
                .put("memory_mb", 2048);
        metadata.putObject("flavor").put("id", "4").put("name", "m1.medium");
        return metadata;
    }

    private static ObjectNode sample(
            String name, String unit, double volume, String resourceId, String timestamp, ObjectNode metadata) {
        ObjectNode sample = JSON.createObjectNode()
                .put("format_version", 1)
                .put("id", UUID.randomUUID().toString())
                .put("name", name)
                .put("type", "gauge")
                .put("unit", unit)
                .put("volume", volume)
                .put("user_id", "user-a")
                .put("project_id", "project-a")
                .put("resource_id", resourceId)
                .put("timestamp", timestamp)
                .put("source", "openstack");
        sample.set("resource_metadata", metadata);
        return sample;
    }

    private static ObjectNode event(
            String kind, String resourceId, String type, ObjectNode attributes, String endedAt) {
        ObjectNode event = JSON.createObjectNode()
                .put("format_version", 1)
                .put("resource_id", resourceId)
                .put("resource_type", type)
                .put("event", kind)
                .put("event_time", Instant.now().toString())
                .put("project_id", "project-a")
                .put("user_id", "user-a")
                .put("ended_at", endedAt)
                .put("message_id", UUID.randomUUID().toString());
        event.set("attributes", attributes);
        return event;
    }

    private static void sendSample(ObjectNode sample) {
        String key = sample.path("resource_id").asText("");
        producer.send(new ProducerRecord<>(
                KafkaMode.samplesTopic(kafka, NAME),
                key.getBytes(StandardCharsets.UTF_8),
                sample.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void sendEvent(ObjectNode event) {
        producer.send(new ProducerRecord<>(
                KafkaMode.resourceEventsTopic(kafka, NAME),
                event.get("resource_id").asText().getBytes(StandardCharsets.UTF_8),
                event.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void sendRaw(String topic, String value) {
        producer.send(new ProducerRecord<>(
                topic, "k".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode awaitResource(String type, String id, java.util.function.Predicate<JsonNode> ready) {
        producer.flush();
        JsonNode[] found = new JsonNode[1];
        eventually(() -> {
            Reply reply = admin.get("/v1/resource/" + type + "/" + id);
            found[0] = reply.status() == 200 ? reply.json() : null;
            return found[0] != null && ready.test(found[0]);
        });
        return found[0];
    }

    /** Measures of a metric once at least {@code points} are there (the ingest commits, then the aggregator). */
    private static List<GnocchiClient.Point> awaitMeasures(String metric, String query, int points) {
        List<List<GnocchiClient.Point>> read = new ArrayList<>();
        eventually(() -> {
            read.add(0, admin.measures(metric, "refresh=true&" + query));
            return read.get(0).size() >= points;
        });
        return read.get(0);
    }

    private static JsonNode metrics() {
        return admin.get("/admin/metrics").json();
    }

    private static long meter(String name) {
        return metrics().at("/meters/" + name + "/count").asLong();
    }

    private static void eventually(BooleanSupplier condition) {
        producer.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 60 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String reason(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8);
    }

    /** The sample dead-letter topic from its start, read until {@code enough} holds (or 30 s). */
    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(
            java.util.function.Predicate<List<ConsumerRecord<byte[], byte[]>>> enough) {
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("group.id", kafka.groupId("sample-dead-letter-reader-" + UUID.randomUUID()));
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(KafkaMode.sampleDeadLetterTopic(kafka, NAME)));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!enough.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
