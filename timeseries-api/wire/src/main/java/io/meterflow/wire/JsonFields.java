package io.meterflow.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The checks the tree-read formats share: a JSON object, a known version, typed fields. */
final class JsonFields {

    private JsonFields() {}

    static JsonNode object(ObjectMapper json, byte[] value, String what) {
        if (value == null || value.length == 0) {
            throw new MalformedRecordException("empty " + what);
        }
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (JsonProcessingException unreadable) {
            throw new MalformedRecordException(
                    "unreadable " + what + ": " + unreadable.getOriginalMessage(), unreadable);
        } catch (IOException unreadable) {
            throw new MalformedRecordException("unreadable " + what + ": " + unreadable.getMessage(), unreadable);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedRecordException(what + " is not a JSON object");
        }
        return node;
    }

    static void requireVersion(JsonNode node, int supported) {
        JsonNode version = node.get("format_version");
        if (version == null || !version.canConvertToInt()) {
            throw new MalformedRecordException("missing format_version");
        }
        if (version.intValue() != supported) {
            throw new MalformedRecordException(
                    "unsupported format_version " + version.asText() + " (this build reads " + supported + ")");
        }
    }

    static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedRecordException("missing " + field);
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new MalformedRecordException(field + " is not a non-empty string: " + value);
        }
        return value.asText();
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedRecordException(field + " is not a string: " + value);
        }
        return value.asText();
    }
}
