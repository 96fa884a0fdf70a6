package io.meterflow.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file, checked by Compose itself where it is installed (Debian's docker-compose
 * validates against the Compose Specification's schema and resolves every anchor and variable
 * without an engine), and its facts read with SnakeYAML, which resolves anchors and merge keys as
 * Compose does.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("src/main/compose/compose.yaml");
    private static final Path INIT_SQL = Path.of("src/main/compose/initdb/10-meterflow-databases.sql");
    private static final List<String> KAFKA = List.of("kafka-1", "kafka-2", "kafka-3");

    @Test
    void composeAcceptsTheFileWithAndWithoutTheComputeProfile() throws Exception {
        Path tool = dockerCompose();
        assumeTrue(
                tool != null,
                "docker-compose not installed: CI installs Debian's docker-compose package to run this check");

        for (List<String> profile : List.of(List.<String>of(), List.of("--profile", "compute"))) {
            List<String> command = new ArrayList<>(List.of(tool.toString(), "-f", COMPOSE.toString()));
            command.addAll(profile);
            command.addAll(List.of("config", "-q"));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
            assertThat(output).as("%s warns", command).isBlank();
        }
    }

    @Test
    void runsAThreeNodeKafkaKraftClusterWithEveryTopicReplicatedThrice() throws IOException {
        Map<String, Map<String, Object>> services = services();

        for (int node = 1; node <= 3; node++) {
            Map<String, Object> env = environment(services.get("kafka-" + node));
            assertThat(image(services.get("kafka-" + node))).startsWith("apache/kafka:");
            assertThat(env)
                    .containsEntry("KAFKA_NODE_ID", node)
                    .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                    .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 3);
        }
        for (String service : List.of("timeseries-api", "aggregator", "collector", "poller")) {
            assertThat(environment(services.get(service)))
                    .as(service)
                    .containsEntry("METERFLOW_KAFKA", "kafka-1:9092,kafka-2:9092,kafka-3:9092");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void timescaleDbHoldsOneDatabasePerServiceCreatedByTheInitScript() throws IOException {
        Map<String, Map<String, Object>> services = services();
        String initSql = Files.readString(INIT_SQL);

        assertThat(image(services.get("timescaledb"))).startsWith("timescale/timescaledb:");
        assertThat((List<Object>) services.get("timescaledb").get("volumes"))
                .contains("./initdb:/docker-entrypoint-initdb.d:ro");
        for (String service : List.of("timeseries-api", "aggregator", "rating", "reports")) {
            String url = (String) environment(services.get(service)).get("METERFLOW_DB_URL");
            String database = url.replaceAll("^jdbc:postgresql://timescaledb:5432/([a-z_]+)\\?.*$", "$1");
            assertThat(initSql).as(service).contains("CREATE DATABASE " + database + ";");
        }
    }

    @Test
    void everyServiceHasAHealthCheckAndTheMeterflowOnesProbeTheirAdminPort() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, String> adminPorts = Map.of(
                "timeseries-api", "8041",
                "aggregator", "8044",
                "collector", "8043",
                "poller", "8045",
                "rating", "8889",
                "reports", "8890");

        services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
        adminPorts.forEach((name, port) -> assertThat(
                        String.valueOf(((Map<?, ?>) services.get(name).get("healthcheck")).get("test")))
                .as(name)
                .contains("http://127.0.0.1:" + port + "/admin/healthcheck"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAggregatorRunsApartFromTheApi() throws IOException {
        Map<String, Map<String, Object>> services = services();

        assertThat(services.get("aggregator").get("command")).isEqualTo(List.of("aggregator"));
        assertThat(environment(services.get("timeseries-api")))
                .containsEntry("METERFLOW_AGGREGATOR_IN_PROCESS", "false");
        assertThat(services.get("aggregator")).doesNotContainKey("ports"); // so that --scale works
        assertThat(environment(services.get("poller"))).containsEntry("METERFLOW_POLLING", "only");
        assertThat((List<Object>) services.get("poller").get("profiles")).containsExactly("compute");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Map<String, Object>>) file.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    private static String image(Map<String, Object> service) {
        return (String) service.get("image");
    }

    private static Path dockerCompose() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(":"))
                .map(dir -> Path.of(dir, "docker-compose"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
    }
}
