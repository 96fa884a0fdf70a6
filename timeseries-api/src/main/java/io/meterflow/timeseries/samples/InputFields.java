package io.meterflow.timeseries.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The checks samples and resource events share: a JSON object, a known version, typed fields. */
final class InputFields {

    private InputFields() {
    }

    static JsonNode object(ObjectMapper json, byte[] value, String what) {
        if (value == null || value.length == 0) {
            throw new MalformedInputException("empty " + what);
        }
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (JsonProcessingException unreadable) {
            throw new MalformedInputException("unreadable " + what + ": " + unreadable.getOriginalMessage(), unreadable);
        } catch (IOException unreadable) {
            throw new MalformedInputException("unreadable " + what + ": " + unreadable.getMessage(), unreadable);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedInputException(what + " is not a JSON object");
        }
        return node;
    }

    static void requireVersion(JsonNode node, int supported) {
        JsonNode version = node.get("format_version");
        if (version == null || !version.canConvertToInt()) {
            throw new MalformedInputException("missing format_version");
        }
        if (version.intValue() != supported) {
            throw new MalformedInputException("unsupported format_version " + version.asText() + " (this build reads "
                    + supported + ")");
        }
    }

    static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedInputException("missing " + field);
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new MalformedInputException(field + " is not a non-empty string: " + value);
        }
        return value.asText();
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedInputException(field + " is not a string: " + value);
        }
        return value.asText();
    }
}
