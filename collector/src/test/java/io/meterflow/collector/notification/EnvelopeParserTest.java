package io.meterflow.collector.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The token-stream path for the usual v2 envelope must answer exactly as the tree path does. */
class EnvelopeParserTest {

    private static final ObjectMapper JSON = Jackson.newObjectMapper();
    private static final String MESSAGE = "{\"message_id\": \"m-1\", \"publisher_id\": \"compute.c-1\", "
            + "\"event_type\": \"compute.instance.exists\", \"priority\": \"INFO\", \"payload\": {\"vcpus\": 2, "
            + "\"display_name\": \"caf\\u00e9 \\\"quoted\\\"\"}, \"timestamp\": \"2024-01-15 10:00:00.707221\", "
            + "\"_context_user_id\": \"u-1\", \"_context_auth_token\": \"secret\"}";
    private final EnvelopeParser parser = new EnvelopeParser(JSON);

    @Test
    void readsTheUsualEnvelopeAsTheV1MessageInside() throws Exception {
        Notification v2 = parse(envelope("\"oslo.version\": \"2.0\", \"oslo.message\": " + quoted(MESSAGE)));
        Notification v1 = parse(MESSAGE);

        assertThat(v2).isEqualTo(v1);
        assertThat(v2.payload().path("display_name").asText()).isEqualTo("café \"quoted\"");
        assertThat(v2.context().has("auth_token")).isFalse();
        assertThat(v2.priority()).isEqualTo("info");
    }

    @Test
    void readsUnusualEnvelopesThroughTheTree() throws Exception {
        Notification usual = parse(envelope("\"oslo.version\": \"2.0\", \"oslo.message\": " + quoted(MESSAGE)));

        assertThat(parse(envelope("\"oslo.message\": " + quoted(MESSAGE) + ", \"oslo.version\": \"2.0\"")))
                .isEqualTo(usual);
        assertThat(parse(
                        envelope("\"oslo.version\": \"2.0\", \"oslo.message\": " + quoted(MESSAGE) + ", \"extra\": 1")))
                .isEqualTo(usual);
    }

    @Test
    void refusesBrokenEnvelopesWithTheirReason() {
        assertThatThrownBy(() -> parse(envelope("\"oslo.version\": \"3.0\", \"oslo.message\": " + quoted(MESSAGE))))
                .isInstanceOf(MalformedNotificationException.class)
                .hasMessageContaining("unsupported oslo.version 3.0");
        assertThatThrownBy(() -> parse(envelope("\"oslo.version\": \"2.0\", \"oslo.message\": \"{not json\"")))
                .isInstanceOf(MalformedNotificationException.class)
                .hasMessageContaining("oslo.message is not JSON");
        assertThatThrownBy(() -> parse(envelope("\"oslo.version\": \"2.0\", \"oslo.message\": {}")))
                .isInstanceOf(MalformedNotificationException.class)
                .hasMessageContaining("oslo.message is not a JSON string");
        assertThatThrownBy(() -> parse(envelope("\"oslo.version\": \"2.0\", \"oslo.message\": \"[1]\"")))
                .isInstanceOf(MalformedNotificationException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse(envelope("\"oslo.version\": \"2.0\", \"oslo.message\": " + quoted(MESSAGE))
                        .substring(0, 40)))
                .isInstanceOf(MalformedNotificationException.class)
                .hasMessageContaining("body is not JSON");
    }

    private Notification parse(String body) throws MalformedNotificationException {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String envelope(String fields) {
        return "{" + fields + "}";
    }

    private static String quoted(String text) throws Exception {
        return JSON.writeValueAsString(text);
    }
}
