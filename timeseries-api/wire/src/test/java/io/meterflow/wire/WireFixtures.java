package io.meterflow.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The golden records of each topic, shipped in this module's test jar so that producers' and
 * consumers' tests read the same lines: a producer's test checks that it writes them, a consumer's
 * that it reads them. Change a format, and both sides' builds see it (docs/wire-formats.md).
 */
public final class WireFixtures {

    /**
     * The golden stream: 1,500 OpenStack notifications recorded by the team's oslo.messaging
     * notifier ({@code notify.py --seed}), one {@code notify.py --out} line each (routing key and
     * wire body). Copies of the team's reference captures, gzipped; regenerate them there
     * ({@code shared/ceilometer/make-golden.sh}) and copy them here.
     */
    public static final String GOLDEN_NOTIFICATIONS = "golden/golden-input.jsonl.gz";
    /** Every sample Ceilometer Zed's real notification agent published for the golden stream (2,687). */
    public static final String GOLDEN_CEILOMETER_SAMPLES = "golden/golden-samples.jsonl.gz";
    /** The same samples, each under the {@code seq} of the notification it came from. */
    public static final String GOLDEN_CEILOMETER_SAMPLES_BY_SEQ = "golden/golden-expected-by-seq.jsonl.gz";
    /** How many of the golden notifications, from the first, {@link #SAMPLES} and {@link #RESOURCE_EVENTS} cover. */
    public static final int RECORDED_NOTIFICATIONS = 40;
    /** {@link Topics#SAMPLES} values: what the collector publishes for the first {@link #RECORDED_NOTIFICATIONS}. */
    public static final String SAMPLES = "samples-v1.jsonl";
    /** {@link Topics#RESOURCE_EVENTS} values: what the collector publishes for the same notifications. */
    public static final String RESOURCE_EVENTS = "resource-events-v1.jsonl";
    /** {@link Topics#MEASURES} values: an ordinary record, a fractional and a non-finite value. */
    public static final String MEASURES = "measures-v1.jsonl";

    private WireFixtures() {}

    /** The non-blank lines of one fixture file; a {@code .gz} one is unpacked. */
    public static List<String> lines(String name) {
        String resource = "fixtures/" + name;
        InputStream stream = WireFixtures.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("wire fixture " + resource + " is missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                name.endsWith(".gz") ? new GZIPInputStream(stream) : stream, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("wire fixture " + resource + " is unreadable", e);
        }
    }

    /** The fixture's lines as record values. */
    public static List<byte[]> values(String name) {
        return lines(name).stream()
                .map(line -> line.getBytes(StandardCharsets.UTF_8))
                .toList();
    }
}
