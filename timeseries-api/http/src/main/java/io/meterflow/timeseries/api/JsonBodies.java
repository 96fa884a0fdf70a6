package io.meterflow.timeseries.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies the way Gnocchi does: only {@code application/json} (else 415), and a body
 * that does not parse is a 400 "Unable to decode body". Bare NaN and Infinity are accepted,
 * as Python's json module accepts them.
 */
public final class JsonBodies {

    private final ObjectMapper lenientJson;

    public JsonBodies(ObjectMapper lenientJson) {
        this.lenientJson = lenientJson;
    }

    public JsonNode read(String contentType, byte[] body) {
        requireJson(contentType);
        try {
            JsonNode node = lenientJson.readTree(body == null ? new byte[0] : body);
            if (node == null || node.isMissingNode()) {
                throw unableToDecode("Expected object or value"); // ujson's words, as Gnocchi answers
            }
            refuseNulCharacters(node, new ArrayList<>());
            return node;
        } catch (JsonProcessingException invalid) {
            throw unableToDecode(invalid.getOriginalMessage());
        } catch (IOException invalid) {
            throw unableToDecode(invalid.getMessage());
        }
    }

    /**
     * PostgreSQL stores no NUL character in text or jsonb: a string holding one would fail in the
     * database (found by ApiFuzzIT as a 500). Refused here, with the path to it, for every body.
     */
    private static void refuseNulCharacters(JsonNode node, List<Object> path) {
        if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
            throw ApiException.invalidInput("NUL characters are not allowed in strings", List.copyOf(path));
        }
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                path.add(field.getKey());
                if (field.getKey().indexOf('\0') >= 0) {
                    throw ApiException.invalidInput("NUL characters are not allowed in keys", List.copyOf(path));
                }
                refuseNulCharacters(field.getValue(), path);
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                refuseNulCharacters(node.get(i), path);
                path.remove(path.size() - 1);
            }
        }
    }

    /** The factory of the lenient mapper, for readers that stream a body instead of building a tree. */
    public com.fasterxml.jackson.core.JsonFactory factory() {
        return lenientJson.getFactory();
    }

    public static void requireJson(String contentType) {
        String mime =
                contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase();
        if (!mime.equals("application/json")) {
            throw ApiException.unsupportedMediaType();
        }
    }

    private static ApiException unableToDecode(String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("cause", "Unable to decode body");
        detail.put("reason", reason);
        detail.put("detail", List.of());
        return ApiException.badRequest(detail);
    }
}
