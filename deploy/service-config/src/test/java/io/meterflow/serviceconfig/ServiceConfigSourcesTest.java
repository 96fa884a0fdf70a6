package io.meterflow.serviceconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigSourcesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void aKeyBoundToAnUnsetVariableIsLeftOutSoTheClassDefaultApplies() throws Exception {
        JsonNode read = read(Map.of("METERFLOW_PREFETCH", "500", "METERFLOW_BLANK", " "), """
                amqp:
                  prefetch: ${METERFLOW_PREFETCH}
                  batchSize: ${METERFLOW_BATCH_SIZE}
                  url: "${METERFLOW_BLANK}"
                """);

        assertThat(read.at("/amqp/prefetch").asText()).isEqualTo("500");
        assertThat(read.at("/amqp").has("batchSize")).isFalse();
        assertThat(read.at("/amqp").has("url"))
                .as("a blank variable counts as unset")
                .isFalse();
    }

    @Test
    void dropwizardsOwnKeysKeepTheirDefaultInTheYaml() throws Exception {
        JsonNode read = read(Map.of("METERFLOW_LOG_LEVEL", "WARN"), """
                server:
                  connector:
                    port: ${METERFLOW_PORT:-8041}
                logging:
                  level: ${METERFLOW_LOG_LEVEL:-INFO}
                  loggers:
                    org.flywaydb: WARN
                """);

        assertThat(read.at("/server/connector/port").asText()).isEqualTo("8041");
        assertThat(read.at("/logging/level").asText()).isEqualTo("WARN");
        assertThat(read.at("/logging/loggers/org.flywaydb").asText()).isEqualTo("WARN");
    }

    @Test
    void aVariablesTextIsAValueNeverYamlSyntax() throws Exception {
        JsonNode read = read(
                Map.of("METERFLOW_DB_URL", "jdbc:postgresql://db/m?user=u&password=a: b # c"),
                "database:\n  url: \"${METERFLOW_DB_URL}\"\n");

        assertThat(read.at("/database/url").asText()).isEqualTo("jdbc:postgresql://db/m?user=u&password=a: b # c");
    }

    @Test
    void aNameThatIsNoFileIsReadFromTheClassPath() throws Exception {
        try (InputStream in =
                ServiceConfigSources.fileOrPackagedWith(name -> null).open("packaged-test.yml")) {
            assertThat(YAML.readTree(in).get("packaged").asBoolean()).isTrue();
        }
    }

    @Test
    void neitherFileNorResourceSaysWhatWasLookedFor() {
        assertThatThrownBy(() ->
                        ServiceConfigSources.fileOrPackagedWithEnvironment().open("nowhere.yml"))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("nowhere.yml");
    }

    private static JsonNode read(Map<String, String> environment, String yaml) throws Exception {
        Path file = Files.createTempFile("service", ".yml");
        Files.writeString(file, yaml);
        try (InputStream in =
                ServiceConfigSources.fileOrPackagedWith(environment::get).open(file.toString())) {
            return YAML.readTree(in);
        }
    }
}
