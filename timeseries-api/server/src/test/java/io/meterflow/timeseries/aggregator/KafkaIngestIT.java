package io.meterflow.timeseries.aggregator;

import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import io.meterflow.wire.DeadLetterHeaders;
import io.meterflow.wire.MeasureRecord;
import io.meterflow.wire.MeasureRecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka mode end to end on a real broker and a real PostgreSQL: the API appends measures to
 * the measures topic, the in-process aggregator folds them, reads with refresh=true wait for them.
 */
@RealServices
class KafkaIngestIT {

    private static ApiFixture api;
    private static GnocchiClient client;
    private static KafkaBroker kafka;

    @BeforeAll
    static void start(PostgresDatabase db, KafkaBroker broker) throws Exception {
        kafka = broker;
        api = ApiFixture.startAsConfigured(db, KafkaMode.on(broker, "ingest", true));
        client = api.user("ceilometer");
        api.admin()
                .createPolicy(Map.of(
                        "name",
                        "minute",
                        "back_window",
                        1,
                        "aggregation_methods",
                        List.of("mean", "max", "min", "sum", "count", "last"),
                        "definition",
                        List.of(Map.of("granularity", 60, "timespan", "1 day"))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void measuresThroughKafkaGiveTheAggregatesComputedByHand() {
        String metric = client.createMetric("minute");
        client.addMeasures(metric, "2024-01-15T10:00:05", 4, "2024-01-15T10:00:35", 8);
        client.addMeasures(metric, "2024-01-15T10:01:10", 1, "2024-01-15T10:01:50", 3);
        // Late, within the back window of one block: folded into the 10:00 bucket again.
        client.addMeasures(metric, "2024-01-15T10:00:50", 6);
        // The same timestamp again: the last value sent wins, nothing is counted twice.
        client.addMeasures(metric, "2024-01-15T10:01:50", 5);

        String query = "refresh=true&granularity=60&aggregation=";
        assertThat(client.measures(metric, query + "mean"))
                .containsExactly(
                        point("2024-01-15T10:00:00+00:00", 60, 6.0), point("2024-01-15T10:01:00+00:00", 60, 3.0));
        assertThat(client.measures(metric, query + "count"))
                .containsExactly(
                        point("2024-01-15T10:00:00+00:00", 60, 3.0), point("2024-01-15T10:01:00+00:00", 60, 2.0));
        assertThat(client.measures(metric, query + "sum"))
                .containsExactly(
                        point("2024-01-15T10:00:00+00:00", 60, 18.0), point("2024-01-15T10:01:00+00:00", 60, 6.0));
        assertThat(client.measures(metric, query + "last"))
                .containsExactly(
                        point("2024-01-15T10:00:00+00:00", 60, 6.0), point("2024-01-15T10:01:00+00:00", 60, 5.0));
    }

    @Test
    void statusReportsNoBacklogOnceAggregated() {
        String metric = client.createMetric("minute");
        client.addMeasures(metric, "2024-01-15T11:00:00", 1);
        client.measures(metric, "refresh=true");

        Reply status = api.admin().get("/v1/status");

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().at("/storage/summary/measures").asLong()).isZero();
        assertThat(status.json().at("/storage/summary/metrics").asLong()).isZero();
        assertThat(status.json().at("/metricd/statistics").toString()).contains("kafka");
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicAndTheStreamGoesOn() {
        String metric = client.createMetric("minute");
        byte[] key = metric.getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = KafkaMode.producer(kafka)) {
            producer.send(new ProducerRecord<>(
                    KafkaMode.measuresTopic(kafka, "ingest"), key, "{not json".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(
                    KafkaMode.measuresTopic(kafka, "ingest"),
                    key,
                    "{\"format_version\": 99, \"metric_id\": \"x\"}".getBytes(StandardCharsets.UTF_8)));
        }
        client.addMeasures(metric, "2024-01-15T12:00:00", 7);

        assertThat(client.measures(metric, "refresh=true&granularity=60"))
                .containsExactly(point("2024-01-15T12:00:00+00:00", 60, 7.0));
        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLettersOf(metric, 2);
        assertThat(deadLetters).hasSize(2);
        assertThat(reason(deadLetters.get(0))).startsWith("unreadable measures record");
        assertThat(reason(deadLetters.get(1))).contains("unsupported format_version 99");
        assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8))
                .isEqualTo("{not json");
    }

    @Test
    void measuresOfAMetricThisDatabaseDoesNotHoldAreDeadLetteredCountedAndNeverLostSilently() {
        String unknown = java.util.UUID.randomUUID().toString();
        long before = api.admin()
                .get("/v1/status")
                .json()
                .at("/dead_letters/measures/measures")
                .asLong();
        MeasureRecordCodec codec = new MeasureRecordCodec();
        try (KafkaProducer<byte[], byte[]> producer = KafkaMode.producer(kafka)) {
            for (int i = 0; i < 3; i++) {
                // As another deployment's API would have written them, before namespaces kept them apart.
                producer.send(new ProducerRecord<>(
                        KafkaMode.measuresTopic(kafka, "ingest"),
                        unknown.getBytes(StandardCharsets.UTF_8),
                        codec.encode(new MeasureRecord(
                                java.util.UUID.fromString(unknown),
                                new long[] {1_705_312_800_000_000_000L + i, 1_705_312_801_000_000_000L + i},
                                new double[] {i, i + 0.5}))));
            }
        }

        List<ConsumerRecord<byte[], byte[]>> deadLetters = deadLettersOf(unknown, 3);
        assertThat(deadLetters).hasSize(3);
        assertThat(reason(deadLetters.get(0))).contains("metric " + unknown + " does not exist");
        assertThat(deadLetters)
                .extracting(r -> new String(
                        r.headers().lastHeader(DeadLetterHeaders.SOURCE).value(), StandardCharsets.UTF_8))
                .doesNotHaveDuplicates()
                .allMatch(source -> source.startsWith(KafkaMode.measuresTopic(kafka, "ingest") + "-"));
        assertThat(codec.decode(deadLetters.get(2).value()).size()).isEqualTo(2);
        assertThat(eventually(
                        () -> api.admin()
                                .get("/v1/status")
                                .json()
                                .at("/dead_letters/measures/measures")
                                .asLong(),
                        before + 6))
                .isEqualTo(before + 6);
    }

    @Test
    void aRefreshSaysWhenTheMetricsMeasuresWereDeadLetteredRatherThanFolded() throws Exception {
        String metric = client.createMetric("minute");
        Reply read;
        Map<String, Object> transactional = new java.util.HashMap<>(Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "key.serializer",
                ByteArraySerializer.class,
                "value.serializer",
                ByteArraySerializer.class,
                "transactional.id",
                kafka.groupId("poison-" + metric)));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(transactional)) {
            // Left uncommitted until the refresh has begun, so the record is pending when it does.
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(
                    KafkaMode.measuresTopic(kafka, "ingest"),
                    metric.getBytes(StandardCharsets.UTF_8),
                    "[1, 2".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
            java.util.concurrent.CompletableFuture<Reply> refresh = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> client.get("/v1/metric/" + metric + "/measures?refresh=true"));
            Thread.sleep(500);
            producer.commitTransaction();
            read = refresh.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("X-Meterflow-Refresh"))
                .isEqualTo("dead-lettered; records=1; measures=0; reason=\"record value is not a JSON object\"");

        client.addMeasures(metric, "2024-01-15T14:00:00", 2);
        Reply folded = client.get("/v1/metric/" + metric + "/measures?refresh=true");
        assertThat(folded.header("X-Meterflow-Refresh")).isEqualTo("folded");
        assertThat(folded.points()).containsExactly(point("2024-01-15T14:00:00+00:00", 60, 2.0));
    }

    /** Polls until {@code value} gives {@code expected} or 20 s pass; the last value read. */
    private static long eventually(java.util.function.LongSupplier value, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long last = value.getAsLong();
        while (last != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = value.getAsLong();
        }
        return last;
    }

    private static String reason(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8);
    }

    /** The dead letters keyed by the metric, read from the beginning by a reader of its own. */
    private static List<ConsumerRecord<byte[], byte[]>> deadLettersOf(String metric, int expected) {
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka.bootstrapServers());
        config.put("group.id", kafka.groupId("dead-letter-reader-" + java.util.UUID.randomUUID()));
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(KafkaMode.deadLetterTopic(kafka, "ingest")));
            List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (metric.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        records.add(record);
                    }
                }
            }
            // A moment longer: a copy more than expected would be a double.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (metric.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                    records.add(record);
                }
            });
            return records;
        }
    }
}
