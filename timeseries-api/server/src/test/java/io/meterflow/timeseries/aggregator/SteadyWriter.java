package io.meterflow.timeseries.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The client of the fault tests: one measure a request to one metric, a second apart in time, at
 * a steady pace, and a refused request sent again after a pause until it is accepted, as
 * gnocchiclient's and Ceilometer's retries do. Counts what it was answered.
 */
final class SteadyWriter {

    static final Instant BASE = Instant.parse("2024-01-15T00:00:00Z");

    private final AtomicInteger accepted = new AtomicInteger();
    private final Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger refusedWithoutRetryAfter = new AtomicInteger();
    private final AtomicReference<Instant> firstAcceptedAfterRefusal = new AtomicReference<>();
    private final CompletableFuture<Void> writing;

    private SteadyWriter(GnocchiClient client, String metric, int measures) {
        this.writing = CompletableFuture.runAsync(() -> write(client, metric, measures));
    }

    static SteadyWriter start(GnocchiClient client, String metric, int measures) {
        return new SteadyWriter(client, metric, measures);
    }

    private void write(GnocchiClient client, String metric, int measures) {
        for (int i = 0; i < measures; i++) {
            String body = "[{\"timestamp\": \"" + BASE.plusSeconds(i) + "\", \"value\": 1}]";
            while (true) {
                Reply reply = client.post("/v1/metric/" + metric + "/measures", body);
                if (reply.status() == 202) {
                    if (!refusals.isEmpty()) {
                        firstAcceptedAfterRefusal.compareAndSet(null, Instant.now());
                    }
                    accepted.incrementAndGet();
                    break;
                }
                refusals.merge(reply.status(), 1, Integer::sum);
                if (reply.header("Retry-After") == null) {
                    refusedWithoutRetryAfter.incrementAndGet();
                }
                sleep(Duration.ofMillis(500));
            }
            sleep(Duration.ofMillis(20));
        }
    }

    /** Returns once this many writes were accepted (two minutes at most). */
    void awaitAccepted(int writes) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (accepted.get() < writes && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
    }

    void finish() throws Exception {
        writing.get(5, TimeUnit.MINUTES);
    }

    int accepted() {
        return accepted.get();
    }

    /** Refused writes by status, in order. */
    Map<Integer, Integer> refusals() {
        return new TreeMap<>(refusals);
    }

    int refused() {
        return refusals.values().stream().mapToInt(Integer::intValue).sum();
    }

    int refusedWithoutRetryAfter() {
        return refusedWithoutRetryAfter.get();
    }

    Instant firstAcceptedAfterRefusal() {
        return firstAcceptedAfterRefusal.get();
    }

    /** Every refusal (if any: a write may also just wait for the service) was a 503 with Retry-After. */
    void assertRetriedAfter503sOnly() {
        assertThat(refusals().keySet()).as("statuses of the refused writes").allMatch(status -> status == 503);
        assertThat(refusedWithoutRetryAfter()).as("503s without Retry-After").isZero();
    }

    /** Every write aggregated exactly once (one point of count 1 a second, summing to the writes), none dead-lettered. */
    void assertEachMeasureOnce(ApiFixture api, GnocchiClient client, String metric, int measures) {
        Reply counts = client.get("/v1/metric/" + metric + "/measures?refresh=true&aggregation=count&granularity=1");
        Reply sums = client.get("/v1/metric/" + metric + "/measures?aggregation=sum&granularity=1");
        assertThat(counts.status()).isEqualTo(200);
        assertThat(counts.header("X-Meterflow-Refresh")).isEqualTo("folded");
        assertThat(counts.points()).hasSize(measures).allMatch(point -> point.value() == 1.0);
        assertThat(sums.points().stream()
                        .mapToDouble(GnocchiClient.Point::value)
                        .sum())
                .isEqualTo(measures);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
