package io.meterflow.gnocchiclient.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.meterflow.gnocchiclient.GnocchiConfig;
import io.meterflow.gnocchiclient.error.GnocchiConnectionException;
import io.meterflow.gnocchiclient.error.GnocchiResponseException;
import io.meterflow.gnocchiclient.error.GnocchiTimeoutException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One JSON exchange with the API: path under {@code v1/}, identity headers, time-out, and the
 * answer as a JSON tree or a {@link io.meterflow.gnocchiclient.error.GnocchiException}. Stateless
 * apart from its collaborators, so one instance serves every thread.
 */
public final class GnocchiHttp {

    private final GnocchiConfig config;
    private final HttpClient http;
    private final ObjectMapper json;
    private final ErrorResponses errors;

    public GnocchiHttp(GnocchiConfig config, HttpClient http, ObjectMapper json) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.errors = new ErrorResponses(json);
    }

    public JsonNode get(String path, QueryString query) {
        return exchange(path, query, request -> request.GET());
    }

    public JsonNode post(String path, QueryString query, JsonNode body) {
        String text = write(body);
        return exchange(
                path,
                query,
                request -> request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    /**
     * Sends the request; a 401 that the identity can answer with new headers (a renewed Keystone
     * token) is sent once more with them, so a revoked service token costs one request, not a
     * failed collection.
     */
    private JsonNode exchange(String path, QueryString query, UnaryOperator<HttpRequest.Builder> method) {
        Map<String, String> identity = config.auth().headers();
        HttpRequest request = method.apply(request(path, query, identity)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 401 && config.auth().refused(identity)) {
            request =
                    method.apply(request(path, query, config.auth().headers())).build();
            response = send(request);
        }
        return answer(request, response);
    }

    private HttpRequest.Builder request(String path, QueryString query, Map<String, String> identity) {
        URI uri = config.baseUri().resolve("v1/" + path + query);
        // Accept: application/json makes Gnocchi answer errors as JSON instead of an HTML page.
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(config.requestTimeout()).header("Accept", "application/json");
        identity.forEach(request::header);
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException timeout) {
            throw new GnocchiTimeoutException(describe(request) + " timed out", timeout);
        } catch (IOException failure) {
            throw new GnocchiConnectionException(describe(request) + " failed: " + failure, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new GnocchiConnectionException(describe(request) + " interrupted", interrupted);
        }
    }

    private JsonNode answer(HttpRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 400) {
            throw errors.toException(
                    status,
                    response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        }
        if (status >= 300) {
            // Redirects are not followed (HttpClient's default): an answer we cannot use.
            throw new GnocchiResponseException(describe(request) + " answered HTTP " + status);
        }
        return read(request, response.body());
    }

    private JsonNode read(HttpRequest request, String body) {
        if (body == null || body.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException notJson) {
            throw new GnocchiResponseException(describe(request) + " answered a body that is not JSON", notJson);
        }
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalArgumentException("cannot write request body", impossible);
        }
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri().getRawPath();
    }
}
