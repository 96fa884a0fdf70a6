package io.meterflow.collector.polling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollOptionsTest {

    @Test
    void readsOnceUriMetersAndHost() {
        PollOptions options = PollOptions.parse(
                new String[] {
                    "poll", "--once", "--uri", "test:///tmp/n.xml", "--meters", "cpu,network.*", "--host", "c1"
                },
                "default-host");

        assertThat(options.once()).isTrue();
        assertThat(options.uri()).isEqualTo("test:///tmp/n.xml");
        assertThat(options.meters().includes("network.incoming.bytes")).isTrue();
        assertThat(options.meters().includes("memory.usage")).isFalse();
        assertThat(options.host()).isEqualTo("c1");
    }

    @Test
    void defaultsToEveryMeterOnTheLocalQemuEveryFiveMinutes() {
        PollOptions options = PollOptions.parse(new String[] {}, "default-host");

        assertThat(options.uri()).isEqualTo("qemu:///system");
        assertThat(options.meters().includes("cpu")).isTrue();
        assertThat(options.host()).isEqualTo("default-host");
        assertThat(options.interval()).isEqualTo(Duration.ofSeconds(300));
        assertThat(options.jitter()).isZero();
    }

    @Test
    void cyclesNeedOnceAndAPositiveCount() {
        assertThat(PollOptions.parse(new String[] {"--once", "--cycles", "3"}, "h")
                        .cycles())
                .isEqualTo(3);
        assertThatThrownBy(() -> PollOptions.parse(new String[] {"--cycles", "3"}, "h"))
                .hasMessageContaining("--cycles needs --once");
        assertThatThrownBy(() -> PollOptions.parse(new String[] {"--once", "--cycles", "0"}, "h"))
                .hasMessageContaining("--cycles must be at least 1");
    }

    @Test
    void reportsEveryMistakeAtOnce() {
        assertThatThrownBy(() ->
                        PollOptions.parse(new String[] {"--bogus", "--interval", "x", "--meters", "a*b", "--uri"}, "h"))
                .hasMessageContaining("unknown argument '--bogus'")
                .hasMessageContaining("--interval must be a number")
                .hasMessageContaining("--meters")
                .hasMessageContaining("--uri needs a value");
    }

    @Test
    void helpPrintsUsageAndPollsNothing() {
        var out = new java.io.ByteArrayOutputStream();
        int status;
        try {
            status = PollCommand.run(
                    new String[] {"--help"}, new java.io.PrintStream(out, true), new java.io.PrintStream(out, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }

        assertThat(status).isZero();
        assertThat(out.toString()).contains("Usage: poll [--once").contains("--meters");
    }
}
