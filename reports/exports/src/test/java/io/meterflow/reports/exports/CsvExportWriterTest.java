package io.meterflow.reports.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportWriterTest {

    @Test
    void writesGroupColumnsTimeGranularityThenOneColumnPerMetric() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new CsvExportWriter().write(SampleTables.byHostAndFlavor(), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                        host,flavor_name,timestamp,granularity,cpu_mean,memory.usage_max
                        compute-1,m1.small,2026-12-01T00:00:00Z,3600,1.5,512.0
                        compute-1,m1.small,2026-12-01T01:00:00Z,3600,2.25,
                        \"compute-2, rack \"\"b\"\"\",,2026-12-01T00:00:00Z,3600,10.0,10000000000
                        """);
    }

    @Test
    void writesOnlyTheHeaderWhenNoGroupHasPoints() throws Exception {
        ExportTable sample = SampleTables.byHostAndFlavor();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new CsvExportWriter().write(new ExportTable(sample.export(), List.of()), out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("host,flavor_name,timestamp,granularity,cpu_mean,memory.usage_max\n");
    }
}
