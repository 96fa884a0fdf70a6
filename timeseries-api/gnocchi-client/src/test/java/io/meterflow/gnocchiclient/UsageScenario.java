package io.meterflow.gnocchiclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The data the contract reads, written straight over HTTP as Gnocchi's admin (the client reads,
 * so it does not write its own fixtures). Names carry a per-run suffix because a real Gnocchi keeps
 * its state between runs: twelve resources of a fresh type, seven in project A and five in B, each
 * with a {@code cpu} metric on a 1 min + 1 h policy; resource i got i at 10:00 and i + 1 at 10:01.
 */
record UsageScenario(
        URI baseUri,
        String suffix,
        String policy,
        String resourceType,
        String projectA,
        String projectB,
        List<UUID> resourceIds,
        List<UUID> cpuMetrics) {

    static final int RESOURCES = 12;
    static final int IN_PROJECT_A = 7;
    static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TEN = Instant.parse("2026-01-05T10:00:00Z");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = GnocchiClient.json();

    static UsageScenario seed(URI baseUri) throws IOException, InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String policy = "usage-1m-" + suffix;
        String type = "vm_" + suffix;
        String projectA = "p-a-" + suffix;
        String projectB = "p-b-" + suffix;
        post(baseUri, "/v1/archive_policy", """
                {"name": "%s", "back_window": 0, "aggregation_methods": ["mean", "sum"],
                 "definition": [{"granularity": "1 minute", "timespan": "1 day"},
                                {"granularity": "1 hour", "timespan": "30 days"}]}""".formatted(policy), 201);
        post(baseUri, "/v1/resource_type", """
                {"name": "%s", "attributes": {"host": {"type": "string", "required": true},
                                              "flavor": {"type": "string", "required": false}}}""".formatted(type), 201);
        List<UUID> resourceIds = new ArrayList<>();
        List<UUID> cpuMetrics = new ArrayList<>();
        for (int i = 0; i < RESOURCES; i++) {
            UUID id = UUID.randomUUID();
            JsonNode created = post(
                    baseUri,
                    "/v1/resource/" + type,
                    """
                    {"id": "%s", "project_id": "%s", "user_id": "u-1", "started_at": "%s", "host": "compute-%d",
                     "flavor": "m1.small", "metrics": {"cpu": {"archive_policy_name": "%s"}}}""".formatted(id, i < IN_PROJECT_A ? projectA : projectB, STARTED, i % 3, policy),
                    201);
            UUID cpu = UUID.fromString(created.at("/metrics/cpu").asText());
            post(baseUri, "/v1/metric/" + cpu + "/measures", """
                    [{"timestamp": "2026-01-05T10:00:00Z", "value": %d},
                     {"timestamp": "2026-01-05T10:01:00Z", "value": %d}]""".formatted(i, i + 1), 202);
            resourceIds.add(id);
            cpuMetrics.add(cpu);
        }
        // Gnocchi aggregates asynchronously; refresh=true makes it do so now, so aggregates see the points.
        for (UUID cpu : cpuMetrics) {
            send(
                    baseUri,
                    HttpRequest.newBuilder(baseUri.resolve("/v1/metric/" + cpu + "/measures?refresh=true"))
                            .GET(),
                    200);
        }
        return new UsageScenario(
                baseUri, suffix, policy, type, projectA, projectB, List.copyOf(resourceIds), List.copyOf(cpuMetrics));
    }

    private static JsonNode post(URI baseUri, String path, String body, int expected)
            throws IOException, InterruptedException {
        return send(
                baseUri,
                HttpRequest.newBuilder(baseUri.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                expected);
    }

    private static JsonNode send(URI baseUri, HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
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
