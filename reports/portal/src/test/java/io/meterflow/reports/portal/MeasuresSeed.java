package io.meterflow.reports.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Resources and measures written into the time-series API over its Gnocchi v1 HTTP API, as admin. */
public final class MeasuresSeed {

    private final URI api;
    private final HttpClient http = HttpClient.newHttpClient();

    public MeasuresSeed(URI api) {
        this.api = api;
    }

    public void archivePolicy(String name) throws Exception {
        post("/v1/archive_policy", """
                {"name": "%s", "back_window": 0, "aggregation_methods": ["mean", "max"],
                 "definition": [{"granularity": "1 hour", "timespan": "90 days"}]}""".formatted(name));
    }

    /**
     * A generic resource with one metric {@code meter}, created under a name that is no UUID (as
     * Nova's ids in a real cloud may not be): the API keeps it as the original id and answers the
     * UUID it made, which is returned.
     */
    public String resource(String name, String project, String meter, String policy, Instant startedAt)
            throws Exception {
        String created = post("/v1/resource/generic", """
                {"id": "%s", "project_id": "%s", "started_at": "%s",
                 "metrics": {"%s": {"archive_policy_name": "%s"}}}""".formatted(name, project, startedAt, meter, policy));
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(created)
                .path("id")
                .asText();
    }

    /** Measures of the resources as Gnocchi's batch body: {@code {"<id>": {"<meter>": [points]}}}. */
    public void batch(String body) throws Exception {
        post("/v1/batch/resources/metrics/measures", body);
    }

    private String post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(api.resolve(path))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder().encodeToString("admin:".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
