package io.meterflow.collector.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.collector.meter.DefaultMeterDefinitions;
import io.meterflow.collector.meter.MeterDefinitionLoader;
import io.meterflow.collector.meter.MeterDefinitions;
import io.meterflow.collector.notification.NovaFormat;
import io.meterflow.wire.WireFixtures;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 1: the collector's samples for the golden stream (1,500 notifications, Nova in both
 * formats) equal, as a multiset, the 2,687 samples the real Ceilometer Zed agent wrote, except
 * where Meterflow fixes one of Ceilometer's four bugs (METERS.md section 4); those differences
 * are applied to the expectation here, one rule each, so every other field must still match.
 */
class GoldenSamplesTest {

    /** Debian's python3-ceilometer puts Ceilometer's own definitions here. */
    static final Path DEBIAN_METERS = Path.of("/usr/lib/python3/dist-packages/ceilometer/data/meters.d/meters.yaml");

    static List<GoldenStream.Input> inputs;
    static Map<Integer, GoldenStream.Input> bySeq;

    @BeforeAll
    static void readGoldenFiles() {
        inputs = GoldenStream.inputs();
        bySeq = inputs.stream().collect(Collectors.toMap(GoldenStream.Input::seq, i -> i));
    }

    @Test
    void perMessageExpectationIsExactlyWhatTheRealAgentWrote() {
        List<SampleKey> agent = WireFixtures.lines(WireFixtures.GOLDEN_CEILOMETER_SAMPLES).stream()
                .map(l -> SampleKey.of(GoldenStream.read(l)))
                .toList();
        List<SampleKey> perMessage = WireFixtures.lines(WireFixtures.GOLDEN_CEILOMETER_SAMPLES_BY_SEQ).stream()
                .map(l -> SampleKey.of(GoldenStream.read(l).get("sample")))
                .toList();
        assertThat(agent).hasSize(2687);
        assertThat(GoldenStream.multiset(perMessage)).isEqualTo(GoldenStream.multiset(agent));
    }

    @Test
    void builtInDefinitionsGiveCeilometersSamplesWithItsFourBugsFixed() {
        MeterDefinitions definitions = GoldenStream.load(DefaultMeterDefinitions.builtIn());
        List<SampleKey> actual = GoldenStream.collectorSamples(definitions, NovaFormat.BOTH, inputs, i -> true);
        assertSameMultiset(actual, expected(true));
    }

    @Test
    void debiansCeilometerMetersYamlLoadsAndRunsUnchanged() throws IOException {
        assumeTrue(
                Files.isRegularFile(DEBIAN_METERS),
                "Ceilometer's meters.yaml is not installed at " + DEBIAN_METERS
                        + " (apt-get install python3-ceilometer); skipping");
        MeterDefinitions definitions = GoldenStream.load(
                new MeterDefinitionLoader.Source(DEBIAN_METERS.toString(), Files.readString(DEBIAN_METERS)));
        List<SampleKey> actual = GoldenStream.collectorSamples(definitions, NovaFormat.BOTH, inputs, i -> true);
        // Ceilometer's own file still reads payload.tenant_id for bandwidth: only the engine's fixes apply.
        assertSameMultiset(actual, expected(false));
    }

    @Test
    void versionedNovaNotificationsAloneGiveTheSamplesOfTheirLegacyTwins() {
        MeterDefinitions definitions = GoldenStream.load(DefaultMeterDefinitions.builtIn());
        Set<String> twinKeys = inputs.stream()
                .filter(GoldenSamplesTest::isVersioned)
                .map(i -> i.message().path("timestamp").asText())
                .collect(Collectors.toSet());
        List<SampleKey> fromVersioned = GoldenStream.collectorSamples(
                definitions, NovaFormat.VERSIONED, inputs, GoldenSamplesTest::isVersioned);
        List<SampleKey> fromLegacy = GoldenStream.collectorSamples(
                definitions,
                NovaFormat.LEGACY,
                inputs,
                i -> !isVersioned(i)
                        && i.eventType().startsWith("compute.instance.")
                        && twinKeys.contains(i.message().path("timestamp").asText()));
        assertThat(fromVersioned).hasSize(4 * 261 + 37); // four size meters each, booting time per create
        // Versioned times have whole seconds: a booting time is the legacy one without its fraction.
        assertSameMultiset(
                fromVersioned,
                fromLegacy.stream()
                        .map(k -> k.name().equals("compute.instance.booting.time")
                                ? k.withVolume(k.volume()
                                        .setScale(0, RoundingMode.DOWN)
                                        .stripTrailingZeros())
                                : k)
                        .toList());
    }

    @Test
    void eachNovaEventCountsOnceWhateverTheFormatSetting() {
        MeterDefinitions definitions = GoldenStream.load(DefaultMeterDefinitions.builtIn());
        Map<SampleKey, Integer> legacy =
                GoldenStream.multiset(GoldenStream.collectorSamples(definitions, NovaFormat.LEGACY, inputs, i -> true));
        Map<SampleKey, Integer> both =
                GoldenStream.multiset(GoldenStream.collectorSamples(definitions, NovaFormat.BOTH, inputs, i -> true));
        assertThat(both).isEqualTo(legacy);
    }

    private static boolean isVersioned(GoldenStream.Input input) {
        return input.routingKey().startsWith("versioned_notifications.");
    }

    /** The real agent's samples, per message, with the four fixes applied. */
    private static List<SampleKey> expected(boolean builtInDefinitions) {
        List<SampleKey> expected = new ArrayList<>();
        for (String line : WireFixtures.lines(WireFixtures.GOLDEN_CEILOMETER_SAMPLES_BY_SEQ)) {
            JsonNode node = GoldenStream.read(line);
            GoldenStream.Input input = bySeq.get(node.get("seq").asInt());
            SampleKey key = SampleKey.of(node.get("sample"));
            expected.add(input.eventType().equals("telemetry.polling") ? key : fixed(key, input, builtInDefinitions));
        }
        return expected;
    }

    private static SampleKey fixed(SampleKey key, GoldenStream.Input input, boolean builtInDefinitions) {
        JsonNode payload = input.message().path("payload");
        if (key.name().startsWith("$.payload.outcome")) {
            // Bug 3: the identity meter was named after its own JSONPath text.
            key = key.withName(
                    "identity.authenticate." + payload.path("outcome").asText());
        }
        String projectId = key.projectId();
        if (projectId == null && builtInDefinitions && key.name().equals("bandwidth")) {
            // Bug 2: Neutron >= Yoga sends project_id, Ceilometer reads tenant_id.
            projectId = firstText(payload.get("project_id"), payload.get("tenant_id"));
        }
        // Bug 1: the request-context fallback for user and project never matched.
        String userId =
                key.userId() != null ? key.userId() : firstText(input.context("user_id"), input.context("user"));
        if (projectId == null) {
            projectId = firstText(input.context("project_id"), input.context("tenant_id"));
        }
        // Bug 4 (volume.size metadata.instance_id) is in metadata, which this comparison leaves out.
        return key.withIds(userId, projectId);
    }

    private static String firstText(JsonNode... values) {
        for (JsonNode value : values) {
            if (value != null && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    private static void assertSameMultiset(List<SampleKey> actual, List<SampleKey> expected) {
        Map<SampleKey, Integer> missing = new HashMap<>(GoldenStream.multiset(expected));
        Map<SampleKey, Integer> extra = new HashMap<>();
        for (SampleKey key : actual) {
            if (missing.merge(key, -1, Integer::sum) == 0) {
                missing.remove(key);
            } else if (missing.get(key) < 0) {
                missing.remove(key);
                extra.merge(key, 1, Integer::sum);
            }
        }
        String report = "missing " + first(missing) + "\nunexpected " + first(extra);
        assertThat(missing).as(report).isEmpty();
        assertThat(extra).as(report).isEmpty();
        assertThat(actual).hasSameSizeAs(expected);
    }

    private static String first(Map<SampleKey, Integer> keys) {
        return keys.size() + ":\n  "
                + keys.entrySet().stream()
                        .limit(15)
                        .map(e -> e.getValue() + " x " + e.getKey())
                        .collect(Collectors.joining("\n  "));
    }
}
