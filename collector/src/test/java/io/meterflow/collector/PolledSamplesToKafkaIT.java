package io.meterflow.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.NativeLibrary;
import io.meterflow.collector.poll.KafkaCycleSink;
import io.meterflow.collector.polling.CycleReport;
import io.meterflow.collector.polling.MeterSelection;
import io.meterflow.collector.polling.libvirt.LibvirtDomainSource;
import io.meterflow.collector.polling.libvirt.Reconnecting;
import io.meterflow.collector.publish.KafkaPublisher;
import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.RealServices;
import io.meterflow.wire.Sample;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;

/**
 * A polling cycle on libvirt's test hypervisor (Nova instances in a node XML) published to a real
 * Kafka broker: every polled sample arrives on the samples topic exactly once, keyed by its
 * resource. Skipped only where libvirt0 is not installed.
 */
@RealServices
class PolledSamplesToKafkaIT {

    @Test
    void everyPolledSampleReachesTheSamplesTopicOnce(KafkaBroker kafka, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(libvirtInstalled(), "libvirt0 (libvirt.so.0) is not installed");
        Path node = dir.resolve("nova-node.xml");
        try (InputStream in = PolledSamplesToKafkaIT.class.getResourceAsStream("/ceilometer/nova-node.xml")) {
            Files.copy(in, node);
        }
        CollectorConfiguration config = LiveCollector.JSON.convertValue(
                java.util.Map.of(
                        "kafka",
                        java.util.Map.of(
                                "bootstrapServers", kafka.bootstrapServers(),
                                "samplesTopic", kafka.topic("polled"),
                                "resourceEventsTopic", kafka.topic("polled-events"))),
                CollectorConfiguration.class);
        try (KafkaPublisher publisher = LiveCollector.publisher(config, "it-poll");
                Reconnecting<Connect> connection = LibvirtDomainSource.connect("test://" + node.toAbsolutePath())) {
            CycleReport report = LibvirtDomainSource.cycle(
                            connection, MeterSelection.all(), Clock.systemUTC(), "compute-1")
                    .run();
            assertThat(report.samples()).isNotEmpty();
            assertThat(report.samples())
                    .extracting(Sample::name)
                    .contains("cpu", "memory.usage", "disk.device.read.bytes");
            new KafkaCycleSink(publisher, Duration.ofSeconds(60)).accept(report);

            List<String> ids = LiveCollector.sampleIds(
                    kafka.bootstrapServers(),
                    kafka.topic("polled"),
                    kafka.groupId("check-poll"),
                    report.samples().size(),
                    Duration.ofSeconds(60));
            assertThat(ids)
                    .containsExactlyInAnyOrderElementsOf(
                            report.samples().stream().map(Sample::id).toList());
        }
    }

    private static boolean libvirtInstalled() {
        try {
            NativeLibrary.getInstance("virt");
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
