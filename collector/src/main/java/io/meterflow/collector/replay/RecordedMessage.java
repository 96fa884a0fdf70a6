package io.meterflow.collector.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One line of a recording as {@code notify.py --out} writes it: {@code exchange},
 * {@code routing_key} and {@code body}, the body being the wire message as a JSON object (or a
 * string holding it).
 */
public record RecordedMessage(String exchange, String routingKey, byte[] body) {

    public static RecordedMessage parse(ObjectMapper json, String line) throws IOException {
        JsonNode node = json.readTree(line);
        JsonNode body = node.get("body");
        if (body == null) {
            throw new IOException("no 'body' in the recorded line");
        }
        byte[] bytes =
                body.isTextual() ? body.textValue().getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
        return new RecordedMessage(
                node.path("exchange").asText(""), node.path("routing_key").asText(""), bytes);
    }
}
