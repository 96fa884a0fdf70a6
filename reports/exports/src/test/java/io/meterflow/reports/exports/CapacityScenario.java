package io.meterflow.reports.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.gnocchiclient.GnocchiClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A small cloud in the time-series API, written over HTTP as Gnocchi's admin (the Gnocchi client
 * only reads): an hourly archive policy and four instances of the API's built-in (Ceilometer)
 * {@code instance} type, with {@code cpu} and {@code vcpus} over two hours from {@link #START}.
 *
 * <pre>
 * instance  host  flavor    project  cpu 00:00 (points)   cpu 01:00   vcpus
 * i1        c1    m1.small  pA       15 (10 at :00, 20 at :30)  30     1
 * i2        c1    m1.large  pA       40                     50          4
 * i3        c2    m1.small  pB        5                      7 (6, 8)   1
 * i4        c2    m1.small  pA        1                      3          1
 * </pre>
 */
final class CapacityScenario {

    static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant STOP = Instant.parse("2026-12-01T02:00:00Z");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = GnocchiClient.json();

    private final URI baseUri;

    private CapacityScenario(URI baseUri) {
        this.baseUri = baseUri;
    }

    static CapacityScenario seed(URI baseUri) throws IOException, InterruptedException {
        CapacityScenario scenario = new CapacityScenario(baseUri);
        scenario.post("/v1/archive_policy", """
                {"name": "capacity-hourly", "back_window": 0, "aggregation_methods": ["mean", "sum", "max"],
                 "definition": [{"granularity": "1 hour", "timespan": "30 days"}]}""", 201);
        List<UUID> metrics = new ArrayList<>();
        metrics.addAll(
                scenario.instance("c1", "m1.small", "pA", "[[\"00:00\", 10], [\"00:30\", 20], [\"01:00\", 30]]", 1));
        metrics.addAll(scenario.instance("c1", "m1.large", "pA", "[[\"00:00\", 40], [\"01:00\", 50]]", 4));
        metrics.addAll(
                scenario.instance("c2", "m1.small", "pB", "[[\"00:00\", 5], [\"01:00\", 6], [\"01:30\", 8]]", 1));
        metrics.addAll(scenario.instance("c2", "m1.small", "pA", "[[\"00:00\", 1], [\"01:00\", 3]]", 1));
        // Aggregation is asynchronous; refresh=true folds the measures now, so aggregates see them.
        for (UUID metric : metrics) {
            scenario.send(
                    HttpRequest.newBuilder(baseUri.resolve("/v1/metric/" + metric + "/measures?refresh=true"))
                            .GET(),
                    200);
        }
        return scenario;
    }

    /** Creates one instance; {@code cpu} is a JSON list of [HH:MM, value]; returns its metric ids. */
    private List<UUID> instance(String host, String flavor, String project, String cpu, int vcpus)
            throws IOException, InterruptedException {
        JsonNode created = post(
                "/v1/resource/instance", """
                {"id": "%s", "project_id": "%s", "user_id": "u1", "started_at": "%s", "host": "%s",
                 "display_name": "vm", "flavor_id": "id-%s", "flavor_name": "%s", "metrics": {"cpu": {"archive_policy_name": "capacity-hourly"},
                                                  "vcpus": {"archive_policy_name": "capacity-hourly"}}}""".formatted(UUID.randomUUID(), project, START, host, flavor, flavor), 201);
        UUID cpuId = UUID.fromString(created.at("/metrics/cpu").asText());
        UUID vcpusId = UUID.fromString(created.at("/metrics/vcpus").asText());
        StringBuilder cpuMeasures = new StringBuilder("[");
        for (JsonNode point : JSON.readTree(cpu)) {
            cpuMeasures
                    .append(cpuMeasures.length() > 1 ? "," : "")
                    .append("{\"timestamp\": \"2026-12-01T%s:00Z\", \"value\": %s}"
                            .formatted(point.get(0).asText(), point.get(1).asText()));
        }
        post("/v1/metric/" + cpuId + "/measures", cpuMeasures.append("]").toString(), 202);
        post("/v1/metric/" + vcpusId + "/measures", """
                [{"timestamp": "2026-12-01T00:00:00Z", "value": %d},
                 {"timestamp": "2026-12-01T01:00:00Z", "value": %d}]""".formatted(vcpus, vcpus), 202);
        return List.of(cpuId, vcpusId);
    }

    private JsonNode post(String path, String body, int expected) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(baseUri.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                expected);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        String admin = Base64.getEncoder().encodeToString("admin:".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(
                request.header("Authorization", "Basic " + admin)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("seeding " + response.request().uri() + ": expected HTTP " + expected
                    + ", got " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
    }
}
