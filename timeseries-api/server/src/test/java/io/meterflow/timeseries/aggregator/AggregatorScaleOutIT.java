package io.meterflow.timeseries.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Aggregators as their own processes: two share the partitions, one is killed with SIGKILL in
 * the middle of the stream, the other takes its partitions over, and every measure ends up in
 * the aggregates once.
 */
@RealServices
class AggregatorScaleOutIT {

    private static final int METRICS = 24;
    private static final int REQUESTS = 40;
    private static final int POINTS_PER_REQUEST = 10;

    private static ApiFixture api;
    private static GnocchiClient client;
    private static PostgresDatabase database;
    private static KafkaBroker kafka;

    @BeforeAll
    static void start(PostgresDatabase db, KafkaBroker broker) throws Exception {
        database = db;
        kafka = broker;
        api = ApiFixture.startAsConfigured(db, KafkaMode.on(broker, "scale", false));
        client = api.user("ceilometer");
        api.admin()
                .createPolicy(Map.of(
                        "name",
                        "second",
                        "back_window",
                        0,
                        "aggregation_methods",
                        List.of("sum", "count"),
                        "definition",
                        List.of(Map.of("granularity", 1, "timespan", "1 day"))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void twoInstancesSplitThePartitionsAndOneKilledMidStreamThenRestartedLosesNothing() throws Exception {
        List<String> metrics = new ArrayList<>();
        for (int i = 0; i < METRICS; i++) {
            metrics.add(client.createMetric("second"));
        }
        AggregatorProcess restarted = null;
        try (AggregatorProcess first = AggregatorProcess.start("first", database, kafka, "scale");
                AggregatorProcess second = AggregatorProcess.start("second", database, kafka, "scale")) {
            List<Set<String>> assignments = awaitMembers(2);
            assertThat(assignments)
                    .allSatisfy(partitions -> assertThat(partitions).isNotEmpty());

            Instant origin = Instant.parse("2024-01-15T10:00:00Z");
            for (int request = 0; request < REQUESTS; request++) {
                Map<String, Object> batch = new java.util.LinkedHashMap<>();
                for (String metric : metrics) {
                    List<Map<String, Object>> measures = new ArrayList<>();
                    for (int p = 0; p < POINTS_PER_REQUEST; p++) {
                        int offset = request * POINTS_PER_REQUEST + p;
                        measures.add(
                                Map.of("timestamp", origin.plusSeconds(offset).toString(), "value", offset));
                    }
                    batch.put(metric, measures);
                }
                assertThat(client.post("/v1/batch/metrics/measures", batch).status())
                        .isEqualTo(202);
                if (request == REQUESTS / 2) {
                    first.kill();
                } else if (request == REQUESTS * 3 / 4) {
                    restarted = AggregatorProcess.start("restarted", database, kafka, "scale");
                }
            }
            assertThat(first.alive()).isFalse();
            awaitNoBacklog(Duration.ofSeconds(90));

            int points = REQUESTS * POINTS_PER_REQUEST;
            double expectedSum = (points - 1) * points / 2.0;
            for (String metric : metrics) {
                List<Point> counts = client.measures(metric, "granularity=1&aggregation=count");
                assertThat(counts).as("points of %s", metric).hasSize(points);
                assertThat(counts).allSatisfy(point -> assertThat(point.value()).isEqualTo(1.0));
                double sum = client.measures(metric, "granularity=1&aggregation=sum").stream()
                        .mapToDouble(Point::value)
                        .sum();
                assertThat(sum).as("sum of %s", metric).isEqualTo(expectedSum);
            }
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    private static List<Set<String>> awaitMembers(int count) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription group;
                try {
                    group = admin.describeConsumerGroups(List.of(KafkaMode.aggregatorGroup(kafka, "scale")))
                            .all()
                            .get(10, TimeUnit.SECONDS)
                            .get(KafkaMode.aggregatorGroup(kafka, "scale"));
                } catch (ExecutionException notYet) {
                    Thread.sleep(500); // the processes are still starting: no group yet
                    continue;
                }
                // A member per stream thread: an instance's partitions are those of its threads.
                List<Set<String>> assignments = List.copyOf(group.members().stream()
                        .collect(Collectors.groupingBy(
                                AggregatorScaleOutIT::instanceOf,
                                Collectors.flatMapping(
                                        member -> member.assignment().topicPartitions().stream()
                                                .map(Object::toString),
                                        Collectors.toSet())))
                        .values());
                if (assignments.size() == count && assignments.stream().noneMatch(Set::isEmpty)) {
                    return assignments;
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError(count + " aggregator instances did not join the group within 60 s");
    }

    /** The Streams instance a member belongs to: its client id up to the thread, "<id>-<process uuid>". */
    private static String instanceOf(MemberDescription member) {
        String clientId = member.clientId();
        int thread = clientId.indexOf("-StreamThread-");
        return thread < 0 ? clientId : clientId.substring(0, thread);
    }

    private static void awaitNoBacklog(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var summary = api.admin().get("/v1/status").json().at("/storage/summary");
            if (summary.get("measures").asLong() == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("measures still waiting after " + timeout);
    }
}
