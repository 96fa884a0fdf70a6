package io.meterflow.collector.polling.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.jna.NativeLibrary;
import io.meterflow.collector.polling.CycleReport;
import io.meterflow.collector.polling.MeterSelection;
import io.meterflow.collector.polling.PollingCycle;
import io.meterflow.wire.Sample;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;

/**
 * Polls libvirt's test driver (in-process in libvirt0, no daemon) on a node file of seven domains:
 * five polled Nova instances (one paused), one shut off, one without Nova metadata. Compares
 * with what Ceilometer Zed's own pollsters gave on the same file ({@code ceilometer/} resources;
 * how they were made is in src/test/resources/ceilometer/README.md).
 */
class LibvirtPollingIT {

    private static final String HOST = "compute-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Zed's name for the outgoing byte delta; Ceilometer 20.0.0 fixed it, as this module does. */
    private static final Map<String, String> RENAMED =
            Map.of("network.outgoing.packets.delta", "network.outgoing.bytes.delta");

    /** Meters Ceilometer Zed does not produce on the test driver, and this module does. */
    private static final Set<String> ONLY_HERE = Set.of(
            "vcpus",
            "power.state",
            "disk.device.read.bytes",
            "disk.device.read.requests",
            "disk.device.write.bytes",
            "disk.device.write.requests");

    /** Their volumes follow the test driver's wall clock, so they differ between any two polls. */
    private static final Set<String> WALL_CLOCK = Set.of("cpu");

    @TempDir
    static Path dir;

    private static Reconnecting<Connect> connection;
    private static PollingCycle<?> cycle;
    private static CycleReport first;
    private static CycleReport second;

    @BeforeAll
    static void pollTwice() throws Exception {
        Assumptions.assumeTrue(libvirtInstalled(), "libvirt0 (libvirt.so.0) is not installed");
        Path node = dir.resolve("nova-node.xml");
        try (InputStream in = resource("nova-node.xml")) {
            Files.copy(in, node);
        }
        connection = LibvirtDomainSource.connect("test://" + node.toAbsolutePath());
        cycle = LibvirtDomainSource.cycle(connection, MeterSelection.all(), Clock.systemUTC(), HOST);
        first = cycle.run();
        Thread.sleep(20);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            second = cycle.run(readers); // the second cycle reads two domains at a time
        } finally {
            readers.shutdownNow();
        }
    }

    @AfterAll
    static void close() {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void pollsTheNovaInstancesAndSkipsTheShutOffAndTheForeignDomain() {
        assertThat(first.polled()).isEqualTo(5);
        assertThat(first.skipped()).isEqualTo(2);
        assertThat(first.gone() + first.failed()).isZero();
        assertThat(first.samples()).extracting(Sample::resourceId).noneMatch(id -> id.startsWith("0f0f0f0f"));
    }

    @Test
    void producesCeilometersSamplesPlusTheMetersZedLacksOnThisDriver() throws IOException {
        Map<String, JsonNode> expected = ceilometer(0);
        Map<String, Sample> actual = byKey(first.samples());

        Set<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(actual.keySet());
        assertThat(missing).as("samples Ceilometer has and this module has not").isEmpty();
        Set<String> extra = actual.keySet().stream()
                .filter(key -> !expected.containsKey(key))
                .map(key -> key.substring(0, key.indexOf(' ')))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(extra).isEqualTo(new TreeSet<>(ONLY_HERE));
    }

    @Test
    void matchesCeilometersTypesUnitsOwnersAndMetadata() throws IOException {
        Map<String, Sample> actual = byKey(first.samples());
        ceilometer(0).forEach((key, theirs) -> {
            Sample ours = actual.get(key);
            assertThat(ours.type()).as(key).isEqualTo(theirs.get("type").asText());
            assertThat(ours.unit()).as(key).isEqualTo(theirs.get("unit").asText());
            assertThat(ours.projectId())
                    .as(key)
                    .isEqualTo(theirs.get("project_id").asText());
            assertThat(ours.userId()).as(key).isEqualTo(theirs.get("user_id").asText());
            assertThat(ours.source()).as(key).isEqualTo(theirs.get("source").asText());
            ObjectNode theirMetadata = theirs.get("resource_metadata").deepCopy();
            ObjectNode ourMetadata = ours.resourceMetadata().deepCopy();
            // Ceilometer reads cpu_number from bulk stats, which the test driver lacks (null).
            theirMetadata.remove("cpu_number");
            ourMetadata.remove("cpu_number");
            assertThat(ourMetadata).as(key).isEqualTo(theirMetadata);
        });
    }

    @Test
    void matchesCeilometersVolumesWhereTheyDoNotFollowTheWallClock() throws IOException {
        Map<String, Sample> actual = byKey(first.samples());
        ceilometer(0).forEach((key, theirs) -> {
            String name = key.substring(0, key.indexOf(' '));
            Sample ours = actual.get(key);
            if (name.startsWith("network.") && !name.endsWith(".delta") || WALL_CLOCK.contains(name)) {
                assertThat(ours.volume().longValue()).as(key).isPositive();
            } else {
                assertThat(ours.volume().doubleValue())
                        .as(key)
                        .isEqualTo(theirs.get("volume").doubleValue());
            }
        });
    }

    @Test
    void cpuIsTheSumOfVcpuTimesWithTheVcpuCount() {
        List<Sample> cpu = named(first, "cpu");
        assertThat(cpu).hasSize(5);
        assertThat(cpu).allSatisfy(s -> {
            assertThat(s.volume().longValue()).isPositive();
            assertThat(s.resourceMetadata().get("cpu_number").asInt())
                    .isEqualTo(s.resourceMetadata().get("vcpus").asInt());
        });
    }

    @Test
    void countersDoNotGoDownBetweenCyclesAndDeltasAreTheirChange() {
        Map<String, Sample> before = byKey(first.samples());
        Map<String, Sample> after = byKey(second.samples());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (Map.Entry<String, Sample> entry : after.entrySet()) {
            Sample now = entry.getValue();
            if (now.type().equals("cumulative")) {
                assertThat(now.volume().longValue())
                        .as(entry.getKey())
                        .isGreaterThanOrEqualTo(
                                before.get(entry.getKey()).volume().longValue());
            }
        }
        for (Sample delta : named(second, "network.incoming.bytes.delta")) {
            String counter = "network.incoming.bytes " + delta.resourceId();
            assertThat(delta.volume().longValue())
                    .isEqualTo(after.get(counter).volume().longValue()
                            - before.get(counter).volume().longValue());
        }
        assertThat(named(first, "network.incoming.bytes.delta"))
                .allSatisfy(s -> assertThat(s.volume().longValue()).isZero());
    }

    @Test
    void powerStateIsLibvirtsStateNumber() {
        assertThat(named(first, "power.state"))
                .extracting(s -> s.volume().intValue())
                .containsExactlyInAnyOrder(1, 1, 3, 1, 1);
    }

    private static List<Sample> named(CycleReport report, String name) {
        return report.samples().stream().filter(s -> s.name().equals(name)).toList();
    }

    private static Map<String, Sample> byKey(List<Sample> samples) {
        Map<String, Sample> byKey = new HashMap<>();
        for (Sample sample : samples) {
            assertThat(byKey.put(sample.name() + " " + sample.resourceId(), sample))
                    .as("one sample per meter and resource")
                    .isNull();
        }
        return byKey;
    }

    /** Ceilometer's samples of one round, by meter and resource id; its error lines left out. */
    private static Map<String, JsonNode> ceilometer(int round) throws IOException {
        Map<String, JsonNode> samples = new HashMap<>();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(resource("ceilometer-polled-samples.jsonl"), StandardCharsets.UTF_8))) {
            in.lines().forEach(lines::add);
        }
        for (String line : lines) {
            JsonNode sample = JSON.readTree(line);
            if (sample.has("_error") || sample.get("_round").asInt() != round) {
                continue;
            }
            String name = RENAMED.getOrDefault(
                    sample.get("name").asText(), sample.get("name").asText());
            samples.put(name + " " + sample.get("resource_id").asText(), sample);
        }
        assertThat(samples).isNotEmpty();
        return samples;
    }

    private static InputStream resource(String name) {
        return LibvirtPollingIT.class.getResourceAsStream("/ceilometer/" + name);
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
