package io.meterflow.collector.polling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.collector.polling.PollStamp;
import io.meterflow.collector.polling.compute.BlockInfo;
import io.meterflow.collector.polling.compute.ComputePollster;
import io.meterflow.collector.polling.compute.DomainStats;
import io.meterflow.collector.polling.compute.InterfaceStats;
import io.meterflow.collector.polling.compute.MemoryStats;
import io.meterflow.collector.polling.compute.NovaDomainXml;
import io.meterflow.collector.polling.compute.NovaInstance;
import io.meterflow.collector.polling.compute.PowerState;
import io.meterflow.wire.Sample;
import io.meterflow.wire.SampleCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleLinesTest {

    @Test
    void writesExactlyWhatTheCodecsCeilometerFormWrites() throws IOException {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/domains/nova-1.1.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        NovaInstance instance = new NovaDomainXml().parse(xml).orElseThrow();
        DomainStats stats = new DomainStats(
                instance,
                PowerState.RUNNING,
                4,
                42L,
                new MemoryStats(4096L, 1024L, null, 2048L, 0L, 0L),
                Map.of(),
                Map.of("vda", new BlockInfo(1, 2, 3)),
                Map.of("tap11111111-22", new InterfaceStats(1, 2, 3, 4, 5, 6, 7, 8)));
        PollStamp stamp = new PollStamp(Instant.parse("2024-01-15T10:00:00.5Z"), "compute-01", "c");
        List<Sample> samples = new ArrayList<>();
        for (ComputePollster pollster : ComputePollster.all()) {
            samples.addAll(pollster.poll(stats, stamp));
        }
        ObjectMapper json = new ObjectMapper();
        StringBuilder expected = new StringBuilder();
        for (Sample sample : samples) {
            expected.append(new SampleCodec(json).ceilometerForm(sample)).append('\n');
        }

        StringWriter out = new StringWriter();
        new SampleLines(json).write(samples, out);

        assertThat(samples).hasSizeGreaterThan(10);
        assertThat(out.toString()).isEqualTo(expected.toString());
    }
}
