package io.meterflow.collector.meter.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The meters.yaml JSONPath dialect, case by case, with what jsonpath-rw-ext answers for each. */
class JsonPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOC = read("""
            {"ctxt": {"user_id": null, "user": "u-1", "project_id": "p-1"},
             "publisher_id": "compute.c1", "event_type": "compute.metrics.update",
             "payload": {"host": "c1", "nodename": "c1.example.org", "outcome": "success", "size": 10,
               "name_to_id": "host@backend#pool",
               "metrics": [{"name": "cpu.frequency", "value": 2600, "source": "libvirt"},
                           {"name": "cpu.percent", "value": 0.25, "source": "libvirt"}],
               "glance_metadata": [{"key": "image_id", "value": "img-1"}, {"key": "other", "value": "x"}],
               "volume_attachment": [{"instance_uuid": "vm-1"}],
               "measurements": [{"result": 1, "metric": {"name": "storage.api.request", "unit": "request"}},
                                {"result": 5, "metric": {"name": "storage.objects.outgoing.bytes", "unit": "B"}}]}}
            """);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "$.payload.size => [10]",
                "payload.size => [10]",
                "$.payload.missing => []",
                "$.payload.host + \"_\" + $.payload.nodename => [\"c1_c1.example.org\"]",
                "$.payload.metrics[?(@.name='cpu.frequency')].value => [2600]",
                "$.payload.metrics[?(@.name='cpu.percent')].value * 100 => [25.0]",
                "$.payload.glance_metadata[?key=image_id].value => [\"img-1\"]",
                "$.payload.volume_attachment[0].instance_uuid => [\"vm-1\"]",
                "$.payload.name_to_id.`split(#, 0, 1)` => [\"host@backend\"]",
                "$.payload.measurements.[*].metric.[*].name => [\"storage.api.request\",\"storage.objects.outgoing.bytes\"]",
                "$.payload.measurements.[*].result => [1,5]",
                "(ctxt.user_id)|(ctxt.user) => [null,\"u-1\"]",
                // jsonpath-rw binds | tighter than '.': this is ctxt.(user_id|ctxt).user, which finds nothing.
                "ctxt.user_id|ctxt.user => []",
                "$.payload.outcome - $.payload.outcome + 'identity.authenticate.' + $.payload.outcome"
                        + " => [\"identity.authenticate.success\"]",
                "$.payload.size * 2 + 1 => [21]",
                "$.payload.size / 4 => [2.5]",
                "$.payload.host + 1 => []",
                "$..value => [2600,0.25,\"img-1\",\"x\"]",
                "memory => []",
            })
    void findsWhatJsonpathRwExtFinds(String expression, String expected) {
        JsonNode found = JSON.valueToTree(JsonPath.parse(expression).find(DOC));
        assertThat(found.toString()).isEqualTo(read(expected).toString());
    }

    @Test
    void reportsWhereAnExpressionStopsMakingSense() {
        assertThatThrownBy(() -> JsonPath.parse("$.payload.["))
                .isInstanceOf(PathSyntaxException.class)
                .hasMessageContaining("$.payload.[");
        assertThatThrownBy(() -> JsonPath.parse("$.a & $.b")).isInstanceOf(PathSyntaxException.class);
    }

    @Test
    void treatsScalarsAsOneElementListsUnderStar() {
        assertThat(JsonPath.parse("$.payload.size.[*]").find(DOC)).isEqualTo(List.of(read("10")));
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
