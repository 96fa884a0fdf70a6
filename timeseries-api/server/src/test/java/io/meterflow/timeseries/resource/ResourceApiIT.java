package io.meterflow.timeseries.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resource, resource type and search APIs end to end, on a real PostgreSQL. */
@RealServices
class ResourceApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TimeseriesServer server;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        server = new TimeseriesServer(db);
        HttpResponse<String> created = server.send(TimeseriesServer.ADMIN, "POST", "/v1/resource_type", """
                {"name": "host_it", "attributes": {
                    "host_name": {"type": "string", "max_length": 10},
                    "cores": {"type": "number", "min": 1, "required": false},
                    "booted_at": {"type": "datetime", "required": false}}}""");
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createsPatchesKeepsHistoryAndDeletes() throws Exception {
        HttpResponse<String> created = server.send("alice", "POST", "/v1/resource/host_it", """
                {"id": "web-1", "host_name": "web1", "cores": 4, "booted_at": "2024-01-02T03:04:05Z",
                 "project_id": "p1"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode resource = JSON.readTree(created.body());
        String id = resource.get("id").asText();
        assertThat(resource.get("original_resource_id").asText()).isEqualTo("web-1");
        assertThat(resource.get("booted_at").asText()).isEqualTo("2024-01-02T03:04:05+00:00");
        assertThat(resource.get("creator").asText()).isEqualTo("alice");

        HttpResponse<String> patched = server.send("alice", "PATCH", "/v1/resource/host_it/web-1", "{\"cores\": 8}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(patched.body()).get("cores").asInt()).isEqualTo(8);

        JsonNode history = JSON.readTree(server.send("alice", "GET", "/v1/resource/host_it/" + id + "/history", null)
                .body());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("cores").asInt()).isEqualTo(4);
        assertThat(history.get(0).get("revision_end").isNull()).isFalse();

        assertThat(server.send("bob", "DELETE", "/v1/resource/host_it/" + id, null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(server.send("alice", "DELETE", "/v1/resource/host_it/" + id, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(server.send("alice", "GET", "/v1/resource/host_it/" + id, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void searchesWithTypedComparisonsAndLogic() throws Exception {
        for (int cores = 1; cores <= 5; cores++) {
            assertThat(server.send(
                                    "carol",
                                    "POST",
                                    "/v1/resource/host_it",
                                    "{\"id\": \"s-" + cores + "\", \"host_name\": \"s" + cores + "\", \"cores\": "
                                            + cores + "}")
                            .statusCode())
                    .isEqualTo(201);
        }
        assertThat(search("{\"and\": [{\">=\": {\"cores\": 2}}, {\"<\": {\"cores\": 10}}, "
                        + "{\"like\": {\"host_name\": \"s%\"}}]}"))
                .hasSize(4);
        assertThat(search("{\"or\": [{\"=\": {\"host_name\": \"s1\"}}, {\"in\": {\"cores\": [5]}}]}"))
                .hasSize(2);
        assertThat(search("{\"not\": {\"<=\": {\"cores\": 4}}}")).hasSize(1);
        HttpResponse<String> filtered = server.send(
                "carol",
                "POST",
                "/v1/search/resource/host_it?filter=cores%20%3E%203%20and%20host_name%20like%20%27s%25%27",
                null);
        assertThat(JSON.readTree(filtered.body())).hasSize(2);
    }

    @Test
    void rejectsBadInputWithGnocchisErrorsAndChangesNothing() throws Exception {
        assertThat(server.send("dave", "POST", "/v1/resource/nope", "{\"id\": \"x\"}")
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> tooLong = server.send(
                "dave", "POST", "/v1/resource/host_it", "{\"id\": \"bad-1\", \"host_name\": \"far-too-long-name\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        JsonNode description = JSON.readTree(tooLong.body()).get("description");
        assertThat(description.get("reason").asText()).startsWith("length of value must be at most 10");
        assertThat(server.send("dave", "GET", "/v1/resource/host_it/bad-1", null)
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> badQuery =
                server.send("dave", "POST", "/v1/search/resource/host_it", "{\"and\": {\"=\": {\"cores\": 1}}}");
        assertThat(badQuery.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badQuery.body()).at("/description/reason").asText())
                .startsWith("expected a list for dictionary value");

        HttpResponse<String> badValue =
                server.send("dave", "POST", "/v1/search/resource/host_it", "{\"=\": {\"cores\": \"many\"}}");
        assertThat(badValue.statusCode()).isEqualTo(400);
        assertThat(badValue.body()).contains("Invalid value: `many' for field `cores'");

        HttpResponse<String> inUse = server.send(
                TimeseriesServer.ADMIN, "POST", "/v1/resource/host_it", "{\"id\": \"keep\", \"host_name\": \"k\"}");
        assertThat(inUse.statusCode()).isEqualTo(201);
        HttpResponse<String> refused = server.send(TimeseriesServer.ADMIN, "DELETE", "/v1/resource_type/host_it", null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Resource type host_it is still in use");
        assertThat(server.send("dave", "GET", "/v1/resource_type/host_it", null).statusCode())
                .isEqualTo(200);
    }

    private static JsonNode search(String query) throws Exception {
        HttpResponse<String> response = server.send("carol", "POST", "/v1/search/resource/host_it", query);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
