package io.meterflow.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Speaks Gnocchi's v1 API over real HTTP, as gnocchiclient does: JSON bodies, {@code Accept:
 * application/json} so errors come back as {@code {"code", "title", "description"}}, and an
 * identity (basic auth, or the noauth headers). Immutable: {@link #as} and {@link #withHeader}
 * return new clients.
 */
public final class GnocchiClient {

    /** Gnocchi writes NaN and Infinity as bare literals, as Python's json module does. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A point of a measures read: bucket start as printed, granularity in seconds, value. */
    public record Point(String timestamp, double granularity, double value) {}

    /** An HTTP answer. */
    public record Reply(int status, HttpResponse<String> response) {

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body());
            } catch (JsonProcessingException invalid) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body(), invalid);
            }
        }

        /** The {@code description} of a JSON error body. */
        public JsonNode description() {
            return json().get("description");
        }

        public List<Point> points() {
            return GnocchiClient.points(json());
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body();
        }
    }

    private final URI base;
    private final Map<String, String> headers;

    GnocchiClient(URI base) {
        this(base, Map.of("Accept", "application/json"));
    }

    private GnocchiClient(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    /** The same client authenticated with basic auth as {@code user} (any password is ignored). */
    public GnocchiClient as(String user) {
        String token = Base64.getEncoder().encodeToString((user + ":").getBytes(StandardCharsets.UTF_8));
        return withHeader("Authorization", "basic " + token);
    }

    public GnocchiClient withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new GnocchiClient(base, copy);
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** POSTs {@code body}: a String is sent as is (raw JSON), anything else is serialized. */
    public Reply post(String path, Object body) {
        return send("POST", path, "application/json", body);
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, "application/json", body);
    }

    public Reply send(String method, String path, String contentType, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String raw ? raw : write(body)));
        try {
            HttpResponse<String> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException failure) {
                if (!closedBeforeAnswering(failure)) {
                    throw failure;
                }
                // The server closed a kept-alive connection (its idle timeout) just as the request
                // went out on it: nothing was answered, so it goes once more, on a new connection,
                // as HTTP clients do. The JDK client re-sends only GETs by itself. A server that
                // dies on the request fails the second time too.
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            return new Reply(response.statusCode(), response);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static boolean closedBeforeAnswering(IOException failure) {
        return failure.getMessage() != null && failure.getMessage().contains("header parser received no bytes");
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalArgumentException(impossible);
        }
    }

    // Conveniences for the steps most tests share; each asserts the step succeeded.

    /** Creates a metric from a JSON body and returns its id. */
    public String createMetric(Object body) {
        Reply reply = post("/v1/metric", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    public String createMetric(String archivePolicyName) {
        return createMetric(Map.of("archive_policy_name", archivePolicyName));
    }

    /** Creates an archive policy from a JSON body (needs an admin client). */
    public void createPolicy(Object body) {
        Reply reply = post("/v1/archive_policy", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    /** Adds measures given as alternating timestamp and value arguments. */
    public void addMeasures(String metricId, Object... timestampsAndValues) {
        Reply reply = post("/v1/metric/" + metricId + "/measures", measures(timestampsAndValues));
        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
    }

    /** Reads measures; {@code query} is the query string without '?', may be empty. */
    public List<Point> measures(String metricId, String query) {
        Reply reply = get("/v1/metric/" + metricId + "/measures" + (query.isEmpty() ? "" : "?" + query));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.points();
    }

    /** {@code [{"timestamp": t1, "value": v1}, ...]} from alternating timestamps and values. */
    public static List<Map<String, Object>> measures(Object... timestampsAndValues) {
        if (timestampsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("timestamps and values come in pairs");
        }
        List<Map<String, Object>> measures = new ArrayList<>();
        for (int i = 0; i < timestampsAndValues.length; i += 2) {
            Map<String, Object> measure = new LinkedHashMap<>();
            measure.put("timestamp", timestampsAndValues[i]);
            measure.put("value", timestampsAndValues[i + 1]);
            measures.add(measure);
        }
        return measures;
    }

    /** The points of a {@code [[timestamp, granularity, value], ...]} series anywhere in a reply. */
    public static List<Point> points(JsonNode series) {
        List<Point> points = new ArrayList<>();
        for (JsonNode point : series) {
            points.add(new Point(
                    point.get(0).asText(), point.get(1).asDouble(), point.get(2).asDouble()));
        }
        return points;
    }

    /**
     * Asserts {@code series} holds exactly {@code expected}, values within 1e-9 (Gnocchi's expected
     * figures come from numpy, whose summation order may differ in the last bit); NaN matches NaN.
     */
    public static void assertSeries(JsonNode series, Point... expected) {
        List<Point> actual = points(series);
        assertThat(actual).as("%s", series).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            Point got = actual.get(i);
            Point want = expected[i];
            assertThat(got.timestamp()).as("timestamp %d of %s", i, series).isEqualTo(want.timestamp());
            assertThat(got.granularity()).as("granularity %d of %s", i, series).isEqualTo(want.granularity());
            if (Double.isNaN(want.value())) {
                assertThat(got.value()).as("value %d of %s", i, series).isNaN();
            } else if (Double.isInfinite(want.value())) {
                assertThat(got.value()).as("value %d of %s", i, series).isEqualTo(want.value());
            } else {
                assertThat(got.value()).as("value %d of %s", i, series).isCloseTo(want.value(), within(1e-9));
            }
        }
    }

    public static Point point(String timestamp, double granularity, double value) {
        return new Point(timestamp, granularity, value);
    }
}
