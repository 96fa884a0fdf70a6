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
        return send(request(path, query).GET());
    }

    public JsonNode post(String path, QueryString query, JsonNode body) {
        return send(request(path, query)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    private HttpRequest.Builder request(String path, QueryString query) {
        URI uri = config.baseUri().resolve("v1/" + path + query);
        // Accept: application/json makes Gnocchi answer errors as JSON instead of an HTML page.
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(config.requestTimeout()).header("Accept", "application/json");
        config.auth().headers().forEach(request::header);
        return request;
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException timeout) {
            throw new GnocchiTimeoutException(describe(request) + " timed out", timeout);
        } catch (IOException failure) {
            throw new GnocchiConnectionException(describe(request) + " failed: " + failure, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new GnocchiConnectionException(describe(request) + " interrupted", interrupted);
        }
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
