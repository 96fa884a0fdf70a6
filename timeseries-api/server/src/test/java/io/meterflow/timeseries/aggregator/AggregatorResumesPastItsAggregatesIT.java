package io.meterflow.timeseries.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.wire.MeasureRecord;
import io.meterflow.wire.MeasureRecordCodec;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Kafka's committed offset of a partition ahead of the position PostgreSQL holds, as a 10-minute
 * soak with a broker restart and an aggregator killed left it once (370 measures, one record, never
 * folded): the aggregator reads the records in between and folds them, so nothing Kafka calls
 * consumed is lost. Here the state is made on purpose: ten records of one metric, the database's
 * position at the first, the group's committed offset at the sixth.
 */
@RealServices
class AggregatorResumesPastItsAggregatesIT {

    private static final long FIRST_TIMESTAMP_NS = 1_705_312_800_000_000_000L; // 2024-01-15T10:00:00Z

    @Test
    void recordsBetweenTheDatabasesPositionAndKafkasCommittedOffsetAreFolded(PostgresDatabase db, KafkaBroker kafka)
            throws Exception {
        String metric;
        try (ApiFixture api = ApiFixture.startAsConfigured(db, KafkaMode.on(kafka, "gap", false))) {
            api.admin()
                    .createPolicy(Map.of(
                            "name",
                            "minutely",
                            "back_window",
                            0,
                            "aggregation_methods",
                            List.of("count"),
                            "definition",
                            List.of(Map.of("granularity", 60, "timespan", "1 day"))));
            metric = api.admin().createMetric("minutely");
        }
        String topic = KafkaMode.measuresTopic(kafka, "gap");
        long first = -1;
        int partition = -1;
        MeasureRecordCodec codec = new MeasureRecordCodec();
        try (KafkaProducer<byte[], byte[]> producer = KafkaMode.producer(kafka)) {
            for (int i = 0; i < 10; i++) {
                RecordMetadata written = producer.send(new ProducerRecord<>(
                                topic,
                                metric.getBytes(StandardCharsets.UTF_8),
                                codec.encode(new MeasureRecord(
                                        UUID.fromString(metric),
                                        new long[] {FIRST_TIMESTAMP_NS + i * 60_000_000_000L},
                                        new double[] {i}))))
                        .get();
                if (first < 0) {
                    first = written.offset();
                    partition = written.partition();
                }
            }
        }
        TopicPartition source = new TopicPartition(topic, partition);
        try (Connection connection = db.connect();
                PreparedStatement position = connection.prepareStatement(
                        "INSERT INTO aggregator_progress (topic, partition, next_offset) VALUES (?, ?, ?)")) {
            position.setString(1, topic);
            position.setInt(2, partition);
            position.setLong(3, first);
            position.executeUpdate();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(
                            KafkaMode.aggregatorGroup(kafka, "gap"), Map.of(source, new OffsetAndMetadata(first + 5)))
                    .all()
                    .get();
        }

        try (ApiFixture api = ApiFixture.startAsConfigured(db, KafkaMode.on(kafka, "gap", true))) {
            GnocchiClient admin = api.admin();
            List<GnocchiClient.Point> counts = admin.measures(metric, "refresh=true&aggregation=count");
            assertThat(counts)
                    .as("one point per minute, the five before Kafka's offset included")
                    .hasSize(10);
        }
    }
}
