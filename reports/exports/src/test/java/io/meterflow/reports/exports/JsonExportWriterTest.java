package io.meterflow.reports.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonExportWriterTest {

    @Test
    void writesOneFlatObjectPerRowWithNullForMissing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new JsonExportWriter().write(SampleTables.byHostAndFlavor(), out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("["
                        + "{\"host\":\"compute-1\",\"flavor_name\":\"m1.small\",\"timestamp\":\"2026-12-01T00:00:00Z\","
                        + "\"granularity\":3600,\"cpu_mean\":1.5,\"memory.usage_max\":512.0},"
                        + "{\"host\":\"compute-1\",\"flavor_name\":\"m1.small\",\"timestamp\":\"2026-12-01T01:00:00Z\","
                        + "\"granularity\":3600,\"cpu_mean\":2.25,\"memory.usage_max\":null},"
                        + "{\"host\":\"compute-2, rack \\\"b\\\"\",\"flavor_name\":null,"
                        + "\"timestamp\":\"2026-12-01T00:00:00Z\",\"granularity\":3600,\"cpu_mean\":10.0,"
                        + "\"memory.usage_max\":1.0E10}"
                        + "]");
    }
}
