package io.meterflow.serviceconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceConfigSourcesTest {

    @Test
    void aFileOnDiskWinsAndItsDefaultsApplyWhereTheEnvironmentIsSilent() throws Exception {
        Path file = Files.createTempFile("service", ".yml");
        Files.writeString(file, "port: ${METERFLOW_TEST_UNSET_VARIABLE_1234:-8041}\nhome: ${PATH:-none}\n");

        String read;
        try (InputStream in =
                ServiceConfigSources.fileOrPackagedWithEnvironment().open(file.toString())) {
            read = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(read).startsWith("port: 8041\n").doesNotContain("${PATH");
    }

    @Test
    void aNameThatIsNoFileIsReadFromTheClassPath() throws Exception {
        try (InputStream in =
                ServiceConfigSources.fileOrPackagedWithEnvironment().open("packaged-test.yml")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("packaged: true");
        }
    }

    @Test
    void neitherFileNorResourceSaysWhatWasLookedFor() {
        assertThatThrownBy(() ->
                        ServiceConfigSources.fileOrPackagedWithEnvironment().open("nowhere.yml"))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("nowhere.yml");
    }
}
