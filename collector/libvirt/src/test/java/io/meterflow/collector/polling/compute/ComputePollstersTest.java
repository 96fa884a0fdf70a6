package io.meterflow.collector.polling.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.collector.polling.PollStamp;
import io.meterflow.wire.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComputePollstersTest {

    static final NovaInstance INSTANCE = new NovaDomainXml()
            .parse(NovaDomainXmlTest.resource("nova-1.1.xml"))
            .orElseThrow();
    static final String ID = INSTANCE.id();
    static final String FILTERED_NIC = "nova-instance-instance-0000000a-fa163e010011";
    static final String PLAIN_NIC = "instance-0000000a-" + ID + "-tap11111111-22";
    static final PollStamp STAMP = new PollStamp(Instant.parse("2024-01-15T10:00:00.707221Z"), "compute-01", "cycle-1");

    static final DomainStats STATS = new DomainStats(
            INSTANCE,
            PowerState.PAUSED,
            4,
            123_456_789L,
            new MemoryStats(8_388_608L, 4_194_304L, 3_145_728L, 2_097_152L, 1024L, 2048L),
            Map.of("vda", new BlockStats(10, 4096, 20, 8192), "vdb", new BlockStats(1, 512, 2, 1024)),
            Map.of("vda", new BlockInfo(100, 50, 200), "vdb", new BlockInfo(300, 30, 30)),
            Map.of(
                    "tapcd4e2e4e-2a", new InterfaceStats(1000, 10, 1, 2, 500, 5, 3, 4),
                    "tap11111111-22", new InterfaceStats(7, 6, 5, 4, 3, 2, 1, 0)));

    record Row(String name, String type, String unit, Number volume, String resourceId) {}

    static Stream<Arguments> meters() {
        return Stream.of(
                Arguments.of(new CpuPollster(), List.of(new Row("cpu", "cumulative", "ns", 123_456_789L, ID))),
                Arguments.of(new VcpusPollster(), List.of(new Row("vcpus", "gauge", "vcpu", 4L, ID))),
                Arguments.of(new PowerStatePollster(), List.of(new Row("power.state", "gauge", "state", 3L, ID))),
                Arguments.of(
                        new MemoryPollster(),
                        List.of(
                                // usable present: (available - usable) / 1024
                                new Row("memory.usage", "gauge", "MB", 5120.0, ID),
                                new Row("memory.resident", "gauge", "MB", 2048.0, ID),
                                new Row("memory.swap.in", "cumulative", "MB", 1.0, ID),
                                new Row("memory.swap.out", "cumulative", "MB", 2.0, ID))),
                Arguments.of(
                        new DiskIoPollster(),
                        List.of(
                                new Row("disk.device.read.bytes", "cumulative", "B", 4096L, ID + "-vda"),
                                new Row("disk.device.read.requests", "cumulative", "request", 10L, ID + "-vda"),
                                new Row("disk.device.write.bytes", "cumulative", "B", 8192L, ID + "-vda"),
                                new Row("disk.device.write.requests", "cumulative", "request", 20L, ID + "-vda"),
                                new Row("disk.device.read.bytes", "cumulative", "B", 512L, ID + "-vdb"),
                                new Row("disk.device.read.requests", "cumulative", "request", 1L, ID + "-vdb"),
                                new Row("disk.device.write.bytes", "cumulative", "B", 1024L, ID + "-vdb"),
                                new Row("disk.device.write.requests", "cumulative", "request", 2L, ID + "-vdb"))),
                Arguments.of(
                        new DiskSizePollster(),
                        List.of(
                                // capacity is max(capacity, physical); usage is physical
                                new Row("disk.device.capacity", "gauge", "B", 200L, ID + "-vda"),
                                new Row("disk.device.allocation", "gauge", "B", 50L, ID + "-vda"),
                                new Row("disk.device.usage", "gauge", "B", 200L, ID + "-vda"),
                                new Row("disk.device.capacity", "gauge", "B", 300L, ID + "-vdb"),
                                new Row("disk.device.allocation", "gauge", "B", 30L, ID + "-vdb"),
                                new Row("disk.device.usage", "gauge", "B", 30L, ID + "-vdb"))),
                Arguments.of(
                        new NetworkPollster(),
                        List.of(
                                new Row("network.incoming.bytes", "cumulative", "B", 1000L, FILTERED_NIC),
                                new Row("network.incoming.packets", "cumulative", "packet", 10L, FILTERED_NIC),
                                new Row("network.incoming.packets.drop", "cumulative", "packet", 2L, FILTERED_NIC),
                                new Row("network.incoming.packets.error", "cumulative", "packet", 1L, FILTERED_NIC),
                                new Row("network.outgoing.bytes", "cumulative", "B", 500L, FILTERED_NIC),
                                new Row("network.outgoing.packets", "cumulative", "packet", 5L, FILTERED_NIC),
                                new Row("network.outgoing.packets.drop", "cumulative", "packet", 4L, FILTERED_NIC),
                                new Row("network.outgoing.packets.error", "cumulative", "packet", 3L, FILTERED_NIC),
                                new Row("network.incoming.bytes", "cumulative", "B", 7L, PLAIN_NIC),
                                new Row("network.incoming.packets", "cumulative", "packet", 6L, PLAIN_NIC),
                                new Row("network.incoming.packets.drop", "cumulative", "packet", 4L, PLAIN_NIC),
                                new Row("network.incoming.packets.error", "cumulative", "packet", 5L, PLAIN_NIC),
                                new Row("network.outgoing.bytes", "cumulative", "B", 3L, PLAIN_NIC),
                                new Row("network.outgoing.packets", "cumulative", "packet", 2L, PLAIN_NIC),
                                new Row("network.outgoing.packets.drop", "cumulative", "packet", 0L, PLAIN_NIC),
                                new Row("network.outgoing.packets.error", "cumulative", "packet", 1L, PLAIN_NIC))),
                Arguments.of(
                        new NetworkDeltaPollster(),
                        List.of(
                                new Row("network.incoming.bytes.delta", "delta", "B", 0L, FILTERED_NIC),
                                new Row("network.outgoing.bytes.delta", "delta", "B", 0L, FILTERED_NIC),
                                new Row("network.incoming.bytes.delta", "delta", "B", 0L, PLAIN_NIC),
                                new Row("network.outgoing.bytes.delta", "delta", "B", 0L, PLAIN_NIC))));
    }

    @ParameterizedTest
    @MethodSource("meters")
    void mapsStatsToCeilometersSamples(ComputePollster pollster, List<Row> expected) {
        List<Sample> samples = pollster.poll(STATS, STAMP);

        assertThat(samples).map(ComputePollstersTest::row).containsExactlyElementsOf(expected);
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.projectId()).isEqualTo("3d756af19eb496de570cebd361d87202");
            assertThat(s.userId()).isEqualTo("ba513e5d16191430cd090b44b34598d5");
            assertThat(s.timestamp()).isEqualTo("2024-01-15T10:00:00.707221+00:00");
            assertThat(s.source()).isEqualTo("openstack");
            assertThat(s.messageId()).isEqualTo("cycle-1");
            assertThat(pollster.meters()).contains(s.name());
        });
    }

    static Stream<Arguments> memoryUsage() {
        return Stream.of(
                // available, unused, usable -> usage MB, or null for no sample
                Arguments.of(2_097_152L, 1_048_576L, 524_288L, 1536.0),
                Arguments.of(2_097_152L, 1_048_576L, null, 1024.0),
                Arguments.of(null, 1_048_576L, 524_288L, null),
                Arguments.of(2_097_152L, null, null, null));
    }

    @ParameterizedTest
    @MethodSource("memoryUsage")
    void memoryUsageIsAvailableMinusUsableElseUnused(Long available, Long unused, Long usable, Double usageMb) {
        DomainStats stats = withMemory(new MemoryStats(available, unused, usable, null, null, null));

        List<Sample> samples = new MemoryPollster().poll(stats, STAMP);

        if (usageMb == null) {
            assertThat(samples).isEmpty();
        } else {
            assertThat(samples).singleElement().satisfies(s -> {
                assertThat(s.name()).isEqualTo("memory.usage");
                assertThat(s.volume().isDouble()).isTrue();
                assertThat(s.volume().doubleValue()).isEqualTo(usageMb);
            });
        }
    }

    @Test
    void noMemorySamplesWithoutBalloonStats() {
        assertThat(new MemoryPollster().poll(withMemory(null), STAMP)).isEmpty();
    }

    @Test
    void networkDeltasAreZeroFirstThenTheChangeThenTheRawCounterAfterAReset() {
        NetworkDeltaPollster pollster = new NetworkDeltaPollster();
        pollster.poll(withNic(1_000, 500), stamp("c1"));

        assertThat(volumes(pollster.poll(withNic(1_700, 800), stamp("c2")))).containsExactly(700L, 300L);
        assertThat(volumes(pollster.poll(withNic(40, 900), stamp("c3")))).containsExactly(40L, 100L);
    }

    @Test
    void networkDeltaForgetsInterfacesMissingFromACycle() {
        NetworkDeltaPollster pollster = new NetworkDeltaPollster();
        pollster.poll(withNic(1_000, 500), stamp("c1"));
        pollster.poll(withoutNics(), stamp("c2"));
        pollster.poll(withoutNics(), stamp("c3"));

        assertThat(volumes(pollster.poll(withNic(1_700, 800), stamp("c4")))).containsExactly(0L, 0L);
    }

    @Test
    void cpuCarriesTheVcpuCountAndInterfacesTheirOwnMetadata() {
        Sample cpu = new CpuPollster().poll(STATS, STAMP).get(0);
        assertThat(cpu.resourceMetadata().get("cpu_number").asInt()).isEqualTo(4);
        assertThat(cpu.resourceMetadata().get("state").asText()).isEqualTo("paused");
        assertThat(cpu.resourceMetadata().get("status").asText()).isEqualTo("paused");
        assertThat(cpu.resourceMetadata().get("root_gb").asInt()).isEqualTo(-60);

        Sample nic = new NetworkPollster().poll(STATS, STAMP).get(0);
        assertThat(nic.resourceMetadata().get("name").asText()).isEqualTo("tapcd4e2e4e-2a");
        assertThat(nic.resourceMetadata().get("vnic_name").asText()).isEqualTo(FILTERED_NIC);
        assertThat(nic.resourceMetadata().get("fref").asText()).isEqualTo(FILTERED_NIC);
        assertThat(nic.resourceMetadata().get("mac").asText()).isEqualTo("fa:16:3e:01:00:11");
        assertThat(nic.resourceMetadata().get("parameters").get("ip").asText()).isEqualTo("10.0.0.11");
        assertThat(nic.resourceMetadata().get("instance_id").asText()).isEqualTo(ID);
    }

    @Test
    void hostIsNovasHostIdOfProjectAndHost() {
        // sha224("3d756af19eb496de570cebd361d87202" + "compute-01"), as Ceilometer recorded it
        assertThat(InstanceMetadata.hostId("3d756af19eb496de570cebd361d87202", "compute-01"))
                .isEqualTo("7d6759a7bb60a4f58c75c07dda560f9d4c7b232546a5775325c65902");
    }

    @Test
    void sampleIdsAreStableForMeterResourceAndTime() {
        assertThat(new VcpusPollster().poll(STATS, STAMP).get(0).id())
                .isEqualTo(new VcpusPollster().poll(STATS, STAMP).get(0).id())
                .isNotEqualTo(new PowerStatePollster().poll(STATS, STAMP).get(0).id());
    }

    @Test
    void missingDeviceStatsGiveNoSamplesForThatDevice() {
        DomainStats stats = new DomainStats(
                INSTANCE,
                PowerState.RUNNING,
                4,
                null,
                null,
                Map.of("vdb", new BlockStats(1, 2, 3, 4)),
                Map.of(),
                Map.of());

        assertThat(new DiskIoPollster().poll(stats, STAMP))
                .extracting(Sample::resourceId)
                .containsOnly(ID + "-vdb");
        assertThat(new DiskSizePollster().poll(stats, STAMP)).isEmpty();
        assertThat(new NetworkPollster().poll(stats, STAMP)).isEmpty();
        assertThat(new CpuPollster().poll(stats, STAMP)).isEmpty();
    }

    private static Row row(Sample s) {
        Number volume = s.volume().isIntegralNumber()
                ? (Number) s.volume().longValue()
                : s.volume().doubleValue();
        return new Row(s.name(), s.type(), s.unit(), volume, s.resourceId());
    }

    private static List<Long> volumes(List<Sample> samples) {
        return samples.stream()
                .filter(s -> s.resourceId().equals(FILTERED_NIC))
                .map(s -> s.volume().longValue())
                .toList();
    }

    private static PollStamp stamp(String cycle) {
        return new PollStamp(STAMP.polledAt(), "compute-01", cycle);
    }

    private static DomainStats withMemory(MemoryStats memory) {
        return new DomainStats(INSTANCE, PowerState.RUNNING, 4, null, memory, Map.of(), Map.of(), Map.of());
    }

    private static DomainStats withNic(long rx, long tx) {
        return new DomainStats(
                INSTANCE,
                PowerState.RUNNING,
                4,
                null,
                null,
                Map.of(),
                Map.of(),
                Map.of("tapcd4e2e4e-2a", new InterfaceStats(rx, 0, 0, 0, tx, 0, 0, 0)));
    }

    private static DomainStats withoutNics() {
        return withMemory(null);
    }
}
