package io.meterflow.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The image definition's facts the chart and the compose file rely on. No engine runs here to build
 * it (docs/deployment.md); these are read from the file.
 */
class ContainerfileTest {

    private static final Path CONTAINERFILE = Path.of("src/main/image/Containerfile");

    @Test
    void runsBinMeterflowAsTheUserTheChartExpectsOnAJdk() throws IOException {
        List<String> lines = instructions();

        assertThat(lines).contains("ARG BASE=eclipse-temurin:17-jdk");
        assertThat(lines).contains("USER 10001:10001");
        assertThat(lines).contains("ENTRYPOINT [\"/opt/meterflow/bin/meterflow\"]");
        assertThat(lines).contains("COPY deploy/distribution/target/meterflow-*.tar.gz /tmp/");
        assertThat(lines).contains("EXPOSE 8041 8043 8044 8889 8890");
        assertThat(Files.readString(Path.of("src/main/helm/meterflow/values.yaml")))
                .contains("runAsUser: 10001");
    }

    @Test
    void bringsWhatTheHealthChecksAndThePollerCallOnTheHost() throws IOException {
        assertThat(Files.readString(CONTAINERFILE))
                .contains("apt-get install -y --no-install-recommends curl libvirt0 fontconfig");
    }

    /** The file's instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions() throws IOException {
        String joined = Files.readString(CONTAINERFILE).replaceAll("\\\\\n", " ");
        return joined.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }
}
