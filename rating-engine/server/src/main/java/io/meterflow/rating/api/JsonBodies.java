package io.meterflow.rating.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Bodies read by hand, where a missing body must be the API's 400 rather than Jersey's 415. */
public final class JsonBodies {

    private JsonBodies() {}

    /** The parsed body; null when there is none. */
    public static JsonNode parse(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw CloudKittyError.badRequest("Invalid JSON body: " + e.getOriginalMessage());
        }
    }
}
