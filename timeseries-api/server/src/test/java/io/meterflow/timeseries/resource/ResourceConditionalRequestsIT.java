package io.meterflow.timeseries.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ETag and Last-Modified on resources, and the conditional headers judged as Gnocchi judges them
 * (the cases of Gnocchi's own test_get_resource_etag), on a real PostgreSQL.
 */
@RealServices
class ResourceConditionalRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private static final String OLD = "Sat, 01 Jan 2000 00:00:00 GMT";
    private static TimeseriesServer server;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        server = new TimeseriesServer(db);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tagsAndDatesOfAResourceAreGnocchis() throws Exception {
        HttpResponse<String> created = server.send(
                "alice",
                "POST",
                "/v1/resource/generic",
                "{\"id\": \"75c44741-cc60-4033-804e-2d3098c7d2e9\", \"project_id\": \"p1\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode resource = JSON.readTree(created.body());
        assertThat(created.headers().firstValue("ETag")).contains(expectedTag(resource));
        assertThat(created.headers().firstValue("Last-Modified")).contains(httpDate(resource));

        HttpResponse<String> read = get(resource, Map.of());
        assertThat(read.headers().firstValue("ETag")).contains(expectedTag(resource));
        assertThat(read.headers().firstValue("Last-Modified")).contains(httpDate(resource));
    }

    @Test
    void readsAreJudgedInRfc7232Order() throws Exception {
        JsonNode resource = create("0a5b5e4a-52c6-44f0-a4e4-1a1b4b3f8f11");
        String tag = bareTag(resource);
        String modified = httpDate(resource);

        assertThat(get(resource, Map.of("If-Match", "fake")).statusCode()).isEqualTo(412);
        assertThat(get(resource, Map.of("If-Match", tag)).statusCode()).isEqualTo(200);
        assertThat(get(resource, Map.of("If-Match", "\"" + tag + "\"")).statusCode())
                .isEqualTo(200);
        assertThat(get(resource, Map.of("If-Match", "W/\"" + tag + "\"")).statusCode())
                .isEqualTo(412);
        assertThat(get(resource, Map.of("If-Match", "\"other\", \"" + tag + "\""))
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(resource, Map.of("If-Unmodified-Since", modified)).statusCode())
                .isEqualTo(200);
        assertThat(get(resource, Map.of("If-Unmodified-Since", OLD)).statusCode())
                .isEqualTo(412);
        assertThat(get(resource, Map.of("If-None-Match", "*")).statusCode()).isEqualTo(304);
        assertThat(server.send(
                                "alice",
                                "GET",
                                "/v1/resource/generic/wrongid",
                                null,
                                "application/json",
                                Map.of("If-None-Match", "*"))
                        .statusCode())
                .isEqualTo(404);
        // If-Match wins over If-Unmodified-Since
        assertThat(get(resource, Map.of("If-Match", tag, "If-Unmodified-Since", modified))
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(resource, Map.of("If-Match", tag, "If-Unmodified-Since", OLD))
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(resource, Map.of("If-Match", "*", "If-Unmodified-Since", OLD))
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(resource, Map.of("If-None-Match", tag)).statusCode()).isEqualTo(304);
        assertThat(get(resource, Map.of("If-None-Match", "W/\"" + tag + "\"")).statusCode())
                .isEqualTo(304);
        assertThat(get(resource, Map.of("If-None-Match", "fake")).statusCode()).isEqualTo(200);
        assertThat(get(resource, Map.of("If-Modified-Since", modified)).statusCode())
                .isEqualTo(304);
        assertThat(get(resource, Map.of("If-Modified-Since", OLD)).statusCode()).isEqualTo(200);
        assertThat(get(resource, Map.of("If-Modified-Since", "not a date")).statusCode())
                .isEqualTo(200);
        // If-None-Match wins over If-Modified-Since
        assertThat(get(resource, Map.of("If-Modified-Since", OLD, "If-None-Match", tag))
                        .statusCode())
                .isEqualTo(304);
        assertThat(get(resource, Map.of("If-Modified-Since", OLD, "If-None-Match", "*"))
                        .statusCode())
                .isEqualTo(304);
        assertThat(get(resource, Map.of("If-Modified-Since", modified, "If-None-Match", "*"))
                        .statusCode())
                .isEqualTo(304);
        assertThat(get(resource, Map.of("If-Match", "*")).statusCode()).isEqualTo(200);
        assertThat(get(resource, Map.of("If-None-Match", tag, "If-Match", tag)).statusCode())
                .isEqualTo(304);

        HttpResponse<String> notModified = get(resource, Map.of("If-None-Match", tag));
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).contains("\"" + tag + "\"");
    }

    @Test
    void writesAreRefusedWithoutChangeWhenTheirPreconditionFails() throws Exception {
        JsonNode resource = create("5d2f7c8e-3f57-4b7e-9a1e-6b9a3c1d2e4f");
        String path = "/v1/resource/generic/" + resource.get("id").asText();
        String tag = bareTag(resource);

        assertThat(write("PATCH", path, "{\"user_id\": \"u2\"}", Map.of("If-None-Match", "*"))
                        .statusCode())
                .isEqualTo(412);
        assertThat(write("DELETE", path, null, Map.of("If-None-Match", "*")).statusCode())
                .isEqualTo(412);
        assertThat(write("PATCH", path, "{\"user_id\": \"u2\"}", Map.of("If-Match", "\"stale\""))
                        .statusCode())
                .isEqualTo(412);
        HttpResponse<String> unchanged = get(resource, Map.of());
        assertThat(JSON.readTree(unchanged.body()).get("user_id").isNull()).isTrue();
        assertThat(JSON.readTree(
                        server.send("alice", "GET", path + "/history", null).body()))
                .hasSize(1);

        // The precondition is judged before the body: a stale tag with a bad body is still a 412.
        assertThat(write("PATCH", path, "{\"no_such\": 1}", Map.of("If-Match", "\"stale\""))
                        .statusCode())
                .isEqualTo(412);

        // Optimistic concurrency: the first writer's tag goes stale once it changed the resource.
        HttpResponse<String> patched = write(
                "PATCH",
                path,
                "{\"user_id\": \"u2\"}",
                Map.of("If-Match", tag, "If-Modified-Since", httpDate(resource)));
        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode next = JSON.readTree(patched.body());
        assertThat(patched.headers().firstValue("ETag"))
                .contains(expectedTag(next))
                .isNotEqualTo(java.util.Optional.of("\"" + tag + "\""));
        assertThat(write("PATCH", path, "{\"user_id\": \"u3\"}", Map.of("If-Match", tag))
                        .statusCode())
                .isEqualTo(412);
        assertThat(write("DELETE", path, null, Map.of("If-Match", tag)).statusCode())
                .isEqualTo(412);
        assertThat(get(resource, Map.of()).statusCode()).isEqualTo(200);

        // If-Modified-Since does not apply to writes.
        assertThat(write("DELETE", path, null, Map.of("If-Modified-Since", httpDate(next)))
                        .statusCode())
                .isEqualTo(204);
        assertThat(get(resource, Map.of()).statusCode()).isEqualTo(404);
    }

    private static JsonNode create(String id) throws Exception {
        HttpResponse<String> created = server.send("alice", "POST", "/v1/resource/generic", "{\"id\": \"" + id + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    private static HttpResponse<String> get(JsonNode resource, Map<String, String> headers) throws Exception {
        return server.send(
                "alice",
                "GET",
                "/v1/resource/generic/" + resource.get("id").asText(),
                null,
                "application/json",
                headers);
    }

    private static HttpResponse<String> write(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        return server.send("alice", method, path, body, "application/json", headers);
    }

    private static String expectedTag(JsonNode resource) throws Exception {
        return "\"" + bareTag(resource) + "\"";
    }

    /** Gnocchi's definition, computed the way its own tests do: SHA-1 of id and revision_start as shown. */
    private static String bareTag(JsonNode resource) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(resource.get("id").asText().getBytes(StandardCharsets.UTF_8));
        sha1.update(resource.get("revision_start").asText().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha1.digest());
    }

    private static String httpDate(JsonNode resource) {
        return HTTP_DATE.format(
                OffsetDateTime.parse(resource.get("revision_start").asText()).atZoneSameInstant(ZoneOffset.UTC));
    }
}
