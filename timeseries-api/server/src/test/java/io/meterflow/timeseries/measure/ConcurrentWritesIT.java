package io.meterflow.timeseries.measure;

import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writers racing on the same metrics: every measure ends up counted exactly once, batches that
 * name the same metrics in opposite orders do not deadlock, and batches creating the same named
 * metric of a resource (Ceilometer's publisher threads) both land in that one metric.
 */
@RealServices
class ConcurrentWritesIT {

    private static final int REQUESTS_PER_WRITER = 25;
    private static final int MEASURES_PER_REQUEST = 20;
    /** 2014-10-06T00:00:00Z: every measure falls in this day, one block of the largest granularity. */
    private static final long DAY = 1_412_553_600L;

    private static ApiFixture api;
    private static GnocchiClient client;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        client = api.user("foobar");
        api.admin()
                .createPolicy(Map.of(
                        "name",
                        "minute-day",
                        "aggregation_methods",
                        List.of("count", "sum"),
                        "definition",
                        List.of(Map.of("granularity", 60), Map.of("granularity", 86400))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void twoWritersOnOneMetricLoseAndDoubleNothing() throws Exception {
        String metric = client.createMetric("minute-day");

        List<Integer> statuses = race(
                request -> client.post("/v1/metric/" + metric + "/measures", measures(0, request))
                        .status(),
                request -> client.post("/v1/metric/" + metric + "/measures", measures(1, request))
                        .status());

        int total = 2 * REQUESTS_PER_WRITER * MEASURES_PER_REQUEST;
        assertThat(statuses).containsOnly(202);
        assertThat(client.measures(metric, "granularity=86400&aggregation=count"))
                .containsExactly(point("2014-10-06T00:00:00+00:00", 86400.0, total));
        assertThat(client.measures(metric, "granularity=86400&aggregation=sum"))
                .containsExactly(point("2014-10-06T00:00:00+00:00", 86400.0, total));
        assertThat(client.measures(metric, "granularity=60&aggregation=count").stream()
                        .mapToDouble(Point::value)
                        .sum())
                .isEqualTo(total);
    }

    @Test
    void batchesNamingMetricsInOppositeOrdersBothApply() throws Exception {
        String first = client.createMetric("minute-day");
        String second = client.createMetric("minute-day");

        List<Integer> statuses = race(
                request -> client.post("/v1/batch/metrics/measures", batch(first, second, 0, request))
                        .status(),
                request -> client.post("/v1/batch/metrics/measures", batch(second, first, 1, request))
                        .status());

        int perMetric = 2 * REQUESTS_PER_WRITER * MEASURES_PER_REQUEST;
        assertThat(statuses).containsOnly(202);
        for (String metric : List.of(first, second)) {
            assertThat(client.measures(metric, "granularity=86400&aggregation=count"))
                    .containsExactly(point("2014-10-06T00:00:00+00:00", 86400.0, perMetric));
        }
    }

    @Test
    void batchesCreatingTheSameNamedMetricBothApply() throws Exception {
        List<UUID> resources = new ArrayList<>();
        for (int request = 0; request < REQUESTS_PER_WRITER; request++) {
            UUID id = UUID.randomUUID();
            resources.add(api.insertResource(id, id.toString(), "foobar", null));
        }
        String path = "/v1/batch/resources/metrics/measures?create_metrics=true";

        List<Integer> statuses = race(
                request -> client.post(
                                path,
                                Map.of(
                                        resources.get(request).toString(),
                                        Map.of(
                                                "cpu",
                                                Map.of(
                                                        "archive_policy_name",
                                                        "minute-day",
                                                        "measures",
                                                        measures(0, request)))))
                        .status(),
                request -> client.post(
                                path,
                                Map.of(
                                        resources.get(request).toString(),
                                        Map.of(
                                                "cpu",
                                                Map.of(
                                                        "archive_policy_name",
                                                        "minute-day",
                                                        "measures",
                                                        measures(1, request)))))
                        .status());

        assertThat(statuses).containsOnly(202);
        for (UUID resource : resources) {
            String metric = client.get("/v1/resource/generic/" + resource)
                    .json()
                    .get("metrics")
                    .get("cpu")
                    .asText();
            assertThat(client.measures(metric, "granularity=86400&aggregation=count"))
                    .containsExactly(point("2014-10-06T00:00:00+00:00", 86400.0, 2 * MEASURES_PER_REQUEST));
        }
    }

    /** Runs two writers' requests at the same time and returns every status they got. */
    private static List<Integer> race(IntFunction<Integer> writerA, IntFunction<Integer> writerB) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Integer>>> writers = new ArrayList<>();
            for (IntFunction<Integer> writer : List.of(writerA, writerB)) {
                writers.add(executor.submit(() -> {
                    go.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int request = 0; request < REQUESTS_PER_WRITER; request++) {
                        statuses.add(writer.apply(request));
                    }
                    return statuses;
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> writer : writers) {
                statuses.addAll(writer.get());
            }
            return statuses;
        } finally {
            executor.shutdownNow();
        }
    }

    /** Writer {@code parity} takes the even or odd seconds, so the two writers never share a timestamp. */
    private static List<Map<String, Object>> measures(int parity, int request) {
        Object[] pairs = new Object[2 * MEASURES_PER_REQUEST];
        for (int i = 0; i < MEASURES_PER_REQUEST; i++) {
            pairs[2 * i] = DAY + 2L * (request * MEASURES_PER_REQUEST + i) + parity;
            pairs[2 * i + 1] = 1;
        }
        return GnocchiClient.measures(pairs);
    }

    private static Map<String, Object> batch(String firstKey, String secondKey, int parity, int request) {
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put(firstKey, measures(parity, request));
        batch.put(secondKey, measures(parity, request));
        return batch;
    }
}
