package io.meterflow.gnocchiclient.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.gnocchiclient.error.GnocchiAccessDeniedException;
import io.meterflow.gnocchiclient.error.GnocchiApiException;
import io.meterflow.gnocchiclient.error.GnocchiBadRequestException;
import io.meterflow.gnocchiclient.error.GnocchiConflictException;
import io.meterflow.gnocchiclient.error.GnocchiErrorDescription;
import io.meterflow.gnocchiclient.error.GnocchiNotFoundException;
import io.meterflow.gnocchiclient.error.GnocchiUnavailableException;
import java.time.Duration;

/**
 * Turns an error answer into the exception a caller can act on. Pure: status, body and the
 * {@code Retry-After} header in, exception out.
 *
 * <p>Gnocchi's JSON errors are {@code {"code", "title", "description"}} where description is a
 * sentence or, from input validation, {@code {"cause", "reason", "detail"}}; some proxies and older
 * servers send that object alone, and without {@code Accept: application/json} Gnocchi sends HTML.
 * All are read; whatever is not JSON is kept as text.
 */
public final class ErrorResponses {

    /** Enough of an HTML or proxy page to recognise it in a log line. */
    private static final int MAX_TEXT = 500;

    private final ObjectMapper json;

    public ErrorResponses(ObjectMapper json) {
        this.json = json;
    }

    public GnocchiApiException toException(int status, String body, String retryAfter) {
        JsonNode root = readJson(body);
        String title = root != null && root.path("title").isTextual()
                ? root.get("title").asText()
                : "";
        GnocchiErrorDescription description = describe(root, body);
        return switch (status) {
            case 400 -> new GnocchiBadRequestException(status, title, description);
            case 401, 403 -> new GnocchiAccessDeniedException(status, title, description);
            case 404 -> new GnocchiNotFoundException(status, title, description);
            case 409 -> new GnocchiConflictException(status, title, description);
            case 503 -> new GnocchiUnavailableException(title, description, retryAfterSeconds(retryAfter));
            default -> new GnocchiApiException(status, title, description);
        };
    }

    private JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode root = json.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static GnocchiErrorDescription describe(JsonNode root, String body) {
        if (root == null) {
            String text = body == null ? "" : body.strip();
            return GnocchiErrorDescription.ofText(
                    text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text);
        }
        JsonNode description = root.has("description") ? root.get("description") : root;
        if (description.isTextual()) {
            return GnocchiErrorDescription.ofText(description.asText());
        }
        if (description.isObject() && description.has("cause")) {
            String cause = description.get("cause").asText();
            String reason = description.path("reason").isMissingNode()
                    ? null
                    : description.get("reason").asText();
            String text = reason == null || reason.isEmpty() ? cause : cause + ": " + reason;
            return new GnocchiErrorDescription(text, cause, reason, description.get("detail"));
        }
        return new GnocchiErrorDescription(description.toString(), null, null, description);
    }

    /** Only the delay-seconds form; an HTTP date would need a clock, and Gnocchi sends seconds. */
    private static Duration retryAfterSeconds(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }
}
