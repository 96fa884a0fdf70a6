package io.meterflow.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProjectEventCodecTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ProjectEventCodec codec = new ProjectEventCodec(json);

    /** Version 1 byte for byte: what the collector writes and the rating engine reads. */
    private static final String GOLDEN = "{\"format_version\":1,\"project_id\":\"264ab0e0c1\",\"event\":\"updated\","
            + "\"event_time\":\"2026-12-07T11:02:03.456Z\",\"initiator_user_id\":\"u-1\","
            + "\"message_id\":\"m-1\"}";

    @Test
    void writesAndReadsVersionOne() {
        ProjectEvent event = new ProjectEvent(
                "264ab0e0c1", ProjectEvent.Kind.UPDATED, Instant.parse("2026-12-07T11:02:03.456Z"), null, "u-1", "m-1");

        assertThat(new String(codec.encode(event), StandardCharsets.UTF_8)).isEqualTo(GOLDEN);
        assertThat(codec.decode(GOLDEN.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
        ProjectEvent disabled = event.withEnabled(false);
        assertThat(codec.decode(codec.encode(disabled))).isEqualTo(disabled);
    }

    @Test
    void refusesWhatIsNoProjectEventWithTheReason() {
        assertThatThrownBy(() -> decode("not json")).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> decode(GOLDEN.replace("\"format_version\":1", "\"format_version\":2")))
                .hasMessageContaining("format_version 2");
        assertThatThrownBy(() -> decode(GOLDEN.replace("updated", "renamed")))
                .hasMessageContaining("unknown event renamed");
        assertThatThrownBy(() -> decode(GOLDEN.replace("2026-12-07T11:02:03.456Z", "yesterday")))
                .hasMessageContaining("event_time");
        assertThatThrownBy(() -> decode(GOLDEN.replace(",\"message_id\":\"m-1\"", "")))
                .hasMessageContaining("missing message_id");
        assertThatThrownBy(() -> decode(GOLDEN.replace("\"264ab0e0c1\"", "\" \"")))
                .hasMessageContaining("project_id");
    }

    private ProjectEvent decode(String value) {
        return codec.decode(value.getBytes(StandardCharsets.UTF_8));
    }
}
