package io.meterflow.rating.lifespan;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.rating.collect.ConfiguredScopes;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.database.RatingMigrations;
import io.meterflow.rating.dataframe.DataPoint;
import io.meterflow.rating.dataframes.RatedDataStore;
import io.meterflow.rating.processor.Processor;
import io.meterflow.rating.processor.ProcessorSettings;
import io.meterflow.rating.processor.ScopeProcessor;
import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.wire.DeadLetterHeaders;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Project events on a real Kafka, as the collector publishes them from Keystone's notifications,
 * become project lifespans on a real PostgreSQL, once each and whatever their order; a deleted
 * project's scope is then rated exactly up to its deletion and marked inactive, as /v2/scope shows;
 * with the keystone fetcher rating every project, a created project is a scope at once. An
 * unreadable record goes to the dead-letter topic with the reason.
 */
@RealServices
class ProjectLifespansIT {

    private static final Instant FIRST = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DELETED = Instant.parse("2026-11-01T02:30:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDeletedProjectIsRatedUpToItsDeletionThenInactive(PostgresDatabase db, KafkaBroker kafka) throws Exception {
        RatingMigrations.migrate(db.dataSource());
        Jdbc jdbc = new Jdbc(db.dataSource());
        // Rated up to 00:00 before Keystone deleted it; the fetcher no longer lists it.
        jdbc.inTransaction(c -> Jdbc.update(
                c,
                "INSERT INTO rating_scope_states (scope_id, scope_key, fetcher, collector, last_processed_timestamp)"
                        + " VALUES ('gone', 'project_id', 'keystone', 'gnocchi', ?)",
                Timestamp.from(FIRST)));
        ProjectLifespans lifespans = new ProjectLifespans(
                jdbc, Optional.of(new ProjectLifespans.NewScope("project_id", "keystone", "gnocchi")));
        String topic = kafka.topic("project-events");
        String deadLetterTopic = kafka.topic("project-events.dead-letter");
        MetricRegistry metrics = new MetricRegistry();
        ProjectEventsConsumer consumer = new ProjectEventsConsumer(
                kafka.bootstrapServers(),
                topic,
                deadLetterTopic,
                kafka.groupId("rating"),
                lifespans,
                Optional.empty(),
                JSON,
                metrics);
        consumer.start();
        try {
            send(
                    kafka,
                    topic,
                    List.of(
                            // The deletion before the creation (two collector consumers), and the deletion twice.
                            event("gone", "deleted", DELETED, null, "m-gone-deleted"),
                            event("gone", "created", FIRST.minus(Duration.ofDays(3)), null, "m-gone-created"),
                            event("gone", "deleted", DELETED, null, "m-gone-deleted"),
                            event("new", "created", FIRST.plus(Duration.ofMinutes(10)), null, "m-new-created"),
                            event("new", "updated", FIRST.plus(Duration.ofMinutes(40)), true, "m-new-enabled"),
                            event("new", "updated", FIRST.plus(Duration.ofMinutes(20)), false, "m-new-disabled"),
                            "not json at all"));
            waitFor(() -> metrics.counter("rating.lifespans.events_applied").getCount() == 5
                    && metrics.counter("rating.lifespans.events_unreadable").getCount() == 1);
        } finally {
            consumer.stop();
        }
        ConsumerRecord<String, String> letter = deadLetter(kafka, deadLetterTopic);
        assertThat(letter.value()).isEqualTo("not json at all");
        assertThat(header(letter, DeadLetterHeaders.REASON)).isNotBlank();
        assertThat(header(letter, DeadLetterHeaders.SOURCE)).startsWith(topic + "-0@");

        Map<String, Object> gone = lifespan(jdbc, "gone");
        assertThat(gone.get("created_at")).isEqualTo(FIRST.minus(Duration.ofDays(3)));
        assertThat(gone.get("deleted_at")).isEqualTo(DELETED);
        Map<String, Object> created = lifespan(jdbc, "new");
        assertThat(created.get("disabled_at")).isEqualTo(FIRST.plus(Duration.ofMinutes(20)));
        // The enabling came later in Keystone's time, though earlier on Kafka: it stands.
        assertThat(created.get("enabled_again_at")).isEqualTo(FIRST.plus(Duration.ofMinutes(40)));
        // A scope at once, before any listing names it.
        assertThat(activeScopes(jdbc)).containsExactlyInAnyOrder("gone", "new");

        RatedDataStore rated = new RatedDataStore(jdbc, JSON, "project_id");
        Processor processor = processor(jdbc, rated, lifespans, metrics);
        Processor.PassResult pass = processor.runPass(() -> true, Processor.Progress.NONE);

        assertThat(pass.scopes()).isEqualTo(2);
        // 01:00 and 02:00 (the deletion at 02:30 falls in it), nothing after.
        for (int hour = 1; hour < 6; hour++) {
            Instant begin = FIRST.plus(Duration.ofHours(hour));
            assertThat(rated.scopes(begin, begin.plus(Duration.ofHours(1))).contains("gone"))
                    .as("gone rated at %s", begin)
                    .isEqualTo(hour <= 2);
        }
        assertThat(lastProcessed(jdbc, "gone")).isEqualTo(FIRST.plus(Duration.ofHours(2)));
        assertThat(activeScopes(jdbc)).containsExactly("new");

        // What reports' invoice run reads: CloudKitty's /v2/scope.
        try (RatingApiFixture api = RatingApiFixture.start(db, Map.of("processor.enabled", "false"))) {
            RatingApiFixture.Reply scope = api.get("/v2/scope?scope_id=gone");
            assertThat(scope.status()).as(scope.body()).isEqualTo(200);
            assertThat(scope.json().path("results").get(0).path("active").asBoolean(true))
                    .isFalse();
        }
    }

    private static Processor processor(
            Jdbc jdbc, RatedDataStore rated, ProjectLifespans lifespans, MetricRegistry metrics) {
        ScopeProcessor scopes = new ScopeProcessor(
                jdbc,
                (scope, begin, end) -> Map.of(
                        "instance",
                        List.of(DataPoint.unrated(
                                "instance",
                                BigDecimal.ONE,
                                Map.of("project_id", scope, "id", "vm-" + scope),
                                Map.of()))),
                rated,
                new ProcessorSettings(Duration.ofHours(1), 1, Optional.of(FIRST)),
                Clock.fixed(FIRST.plus(Duration.ofHours(6)), ZoneOffset.UTC),
                new ScopeProcessor.ScopeIdentity("project_id", "keystone", "gnocchi"));
        ExecutorService workers = Executors.newFixedThreadPool(2);
        return new Processor(
                new LifespanScopes(new ConfiguredScopes(List.of()), lifespans),
                scopes,
                () -> (scope, start, usage) -> usage,
                jdbc,
                workers,
                (scope, periods) -> {},
                metrics);
    }

    /** A project event as the collector writes it (docs/collector.md, "Project lifecycle"). */
    private static String event(String project, String kind, Instant at, Boolean enabled, String messageId)
            throws Exception {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("format_version", 1);
        event.put("project_id", project);
        event.put("event", kind);
        event.put("event_time", at.toString());
        if (enabled != null) {
            event.put("enabled", enabled);
        }
        event.put("message_id", messageId);
        return JSON.writeValueAsString(event);
    }

    private static void send(KafkaBroker kafka, String topic, List<String> values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            for (String value : values) {
                String key = value.startsWith("{")
                        ? JSON.readTree(value).get("project_id").asText()
                        : "junk";
                producer.send(new ProducerRecord<>(topic, key, value)).get();
            }
        }
    }

    /** The first record on the dead-letter topic, read from its beginning. */
    private static ConsumerRecord<String, String> deadLetter(KafkaBroker kafka, String topic) {
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(
                Map.of(
                        "bootstrap.servers",
                        kafka.bootstrapServers(),
                        "group.id",
                        kafka.groupId("dead-letter-reader"),
                        "auto.offset.reset",
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            reader.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
                    return record;
                }
            }
        }
        throw new AssertionError("nothing on " + topic + " within 30 s");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> lifespan(Jdbc jdbc, String project) {
        return jdbc.inTransaction(c -> Jdbc.first(
                        c,
                        "SELECT created_at, disabled_at, enabled_again_at, deleted_at FROM rating_project_lifespans"
                                + " WHERE project_id = ?",
                        row -> {
                            Map<String, Object> columns = new java.util.HashMap<>();
                            String[] names = {"created_at", "disabled_at", "enabled_again_at", "deleted_at"};
                            for (int i = 0; i < names.length; i++) {
                                Timestamp value = row.getTimestamp(i + 1);
                                columns.put(names[i], value == null ? null : value.toInstant());
                            }
                            return columns;
                        },
                        project))
                .orElseThrow();
    }

    private static List<String> activeScopes(Jdbc jdbc) {
        return jdbc.inTransaction(c -> Jdbc.list(
                c, "SELECT scope_id FROM rating_scope_states WHERE active ORDER BY scope_id", row -> row.getString(1)));
    }

    private static Instant lastProcessed(Jdbc jdbc, String scope) {
        return jdbc.inTransaction(c -> Jdbc.first(
                        c,
                        "SELECT last_processed_timestamp FROM rating_scope_states WHERE scope_id = ?",
                        row -> row.getTimestamp(1).toInstant(),
                        scope))
                .orElseThrow();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s");
            }
            Thread.sleep(200);
        }
    }
}
