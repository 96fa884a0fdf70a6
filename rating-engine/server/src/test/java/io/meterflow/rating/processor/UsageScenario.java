package io.meterflow.rating.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Usage written into a live time-series API over HTTP, as Ceilometer's publisher would have left
 * it: projects with instances of a fresh resource type, each with an hourly {@code cpu} (sometimes
 * 0: a stopped instance) and {@code disk.size}, for {@code hours} hours ending one hour ago. The
 * metrics.yml that rates it, and the price every point must get, are part of the scenario.
 */
record UsageScenario(
        String resourceType, List<String> projects, List<Instance> instances, Instant firstHour, int hours) {

    /** One instance: its resource id, project, flavor and disk size in GiB. */
    record Instance(UUID id, String project, String flavor, int diskGib) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FLAVORS = {"m1.small", "m1.large", "m1.tiny"};

    /** Instance {@code i}'s cpu at hour {@code h}: every fourth hour of each instance is 0. */
    static double cpu(int i, int h) {
        return (h + i) % 4 * 1.5;
    }

    static UsageScenario seed(URI api, int projects, int instancesPerProject, int hours)
            throws IOException, InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String type = "vm_" + suffix;
        String policy = "hourly-" + suffix;
        Instant firstHour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours));
        post(api, "/v1/archive_policy", """
                {"name": "%s", "back_window": 0, "aggregation_methods": ["max", "mean"],
                 "definition": [{"granularity": "1 hour", "timespan": "60 days"}]}""".formatted(policy));
        post(api, "/v1/resource_type", """
                {"name": "%s", "attributes": {"flavor_name": {"type": "string", "required": false}}}""".formatted(type));
        List<String> projectIds = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        ObjectNode batch = JSON.createObjectNode();
        for (int p = 0; p < projects; p++) {
            String project = "project-" + p + "-" + suffix;
            projectIds.add(project);
            for (int n = 0; n < instancesPerProject; n++) {
                int i = instances.size();
                Instance instance = new Instance(UUID.randomUUID(), project, FLAVORS[i % FLAVORS.length], 10 * (i + 1));
                instances.add(instance);
                post(api, "/v1/resource/" + type, """
                        {"id": "%s", "project_id": "%s", "user_id": "user-%d", "started_at": "%s",
                         "flavor_name": "%s", "metrics": {"cpu": {"archive_policy_name": "%s"},
                                                          "disk.size": {"archive_policy_name": "%s"}}}""".formatted(
                                instance.id(),
                                project,
                                p,
                                firstHour.minus(Duration.ofDays(1)),
                                instance.flavor(),
                                policy,
                                policy));
                ObjectNode metrics = batch.putObject(instance.id().toString());
                ArrayNode cpu = metrics.putArray("cpu");
                ArrayNode disk = metrics.putArray("disk.size");
                for (int h = 0; h < hours; h++) {
                    String at =
                            firstHour.plus(Duration.ofHours(h)).plusSeconds(60).toString();
                    cpu.addObject().put("timestamp", at).put("value", cpu(i, h));
                    disk.addObject().put("timestamp", at).put("value", instance.diskGib());
                }
            }
        }
        post(api, "/v1/batch/resources/metrics/measures", JSON.writeValueAsString(batch));
        return new UsageScenario(type, projectIds, instances, firstHour, hours);
    }

    /**
     * Changes an instance's flavor now, as a resize does: the time-series API starts a new revision
     * of the resource, so every seeded hour lies in the revision with the old flavor.
     */
    void resize(URI api, Instance instance, String flavor) throws IOException, InterruptedException {
        send(
                api,
                "PATCH",
                "/v1/resource/" + resourceType + "/" + instance.id(),
                "{\"flavor_name\": \"" + flavor + "\"}");
    }

    /** CloudKitty's metrics.yml for the scenario: instance uptime by flavor, disk GiB-hours. */
    Path writeMetricsFile(Path directory) throws IOException {
        Path file = directory.resolve("metrics-" + resourceType + ".yml");
        Files.writeString(file, """
                metrics:
                  cpu:
                    unit: instance
                    alt_name: instance
                    groupby: [id, user_id]
                    metadata: [flavor_name]
                    mutate: NUMBOOL
                    extra_args:
                      aggregation_method: max
                      resource_type: %1$s
                      force_granularity: 3600
                  disk.size:
                    unit: GiB
                    alt_name: disk
                    groupby: [id]
                    extra_args:
                      aggregation_method: max
                      resource_type: %1$s
                      force_granularity: 3600
                """.formatted(resourceType));
        return file;
    }

    Instant hour(int h) {
        return firstHour.plus(Duration.ofHours(h));
    }

    private static JsonNode post(URI api, String path, String body) throws IOException, InterruptedException {
        return send(api, "POST", path, body);
    }

    private static JsonNode send(URI api, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(api.resolve(path))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder().encodeToString("admin:".getBytes(StandardCharsets.UTF_8)))
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }
}
