package io.meterflow.timeseries.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.timeseries.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleFormatTest {

    private static final Clock FROZEN = Clock.fixed(Instant.parse("2024-01-15T12:00:00Z"), ZoneOffset.UTC);
    private final SampleFormat samples = new SampleFormat(new ObjectMapper(), new Timestamps(FROZEN));
    private final ResourceEventFormat events = new ResourceEventFormat(new ObjectMapper(), new Timestamps(FROZEN));

    @Test
    void readsACollectorSample() {
        Sample sample = samples.decode(bytes("""
                {"format_version": 1, "id": "x", "name": "memory", "type": "gauge", "unit": "MB", "volume": 8192,
                 "user_id": "u", "project_id": "p", "resource_id": "r", "timestamp": "2024-01-15T10:00:00.716362+00:00",
                 "resource_metadata": {"host": "compute-04"}, "source": "openstack", "message_id": "m", "extra": [1]}"""));

        assertThat(sample.name()).isEqualTo("memory");
        assertThat(sample.unit()).isEqualTo("MB");
        assertThat(sample.volume()).isEqualTo(8192.0);
        assertThat(sample.eventTime()).isEqualTo(1705312800716362000L);
        assertThat(sample.metadata().get("host").asText()).isEqualTo("compute-04");
        assertThat(sample.projectId()).isEqualTo("p");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{not json                                                                   | unreadable sample",
        "[1, 2]                                                                      | sample is not a JSON object",
        "{\"name\": \"m\"}                                                           | missing format_version",
        "{\"format_version\": 2, \"name\": \"m\"}                                    | unsupported format_version 2",
        "{\"format_version\": 1, \"resource_id\": \"r\"}                             | missing name",
        "{\"format_version\": 1, \"name\": \"m\", \"volume\": 1, \"timestamp\": \"2024-01-15T10:00:00\"} | missing resource_id",
        "{\"format_version\": 1, \"name\": \"m\", \"resource_id\": \"r\", \"volume\": \"x\"} | sample volume is not a number",
        "{\"format_version\": 1, \"name\": \"m\", \"resource_id\": \"r\", \"volume\": 1, \"timestamp\": \"soon\"} | sample timestamp",
    })
    void refusesWhatItCannotStoreWithTheReason(String value, String reason) {
        assertThatThrownBy(() -> samples.decode(bytes(value))).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void readsAResourceEvent() {
        ResourceEvent event = events.decode(bytes("""
                {"format_version": 1, "resource_id": "r", "resource_type": "instance", "event": "deleted",
                 "event_time": "2024-01-15T10:00:14.301457+00:00", "project_id": "p", "user_id": "u",
                 "attributes": {"display_name": "vm"}, "ended_at": "2024-01-15T10:00:10+00:00", "message_id": "m"}"""));

        assertThat(event.kind()).isEqualTo(ResourceEvent.Kind.DELETED);
        assertThat(event.effectiveEnd()).isEqualTo(Instant.parse("2024-01-15T10:00:10Z"));
        assertThat(event.attributes().get("display_name").asText()).isEqualTo("vm");
    }

    @Test
    void refusesAnUnknownEvent() {
        assertThatThrownBy(() -> events.decode(bytes("""
                {"format_version": 1, "resource_id": "r", "resource_type": "instance", "event": "exploded",
                 "event_time": "2024-01-15T10:00:14+00:00"}"""))).hasMessageContaining("unknown event exploded");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
