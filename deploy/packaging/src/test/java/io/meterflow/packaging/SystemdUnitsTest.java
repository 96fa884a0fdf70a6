package io.meterflow.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd units, checked by systemd itself ({@code systemd-analyze verify}: unknown keys,
 * bad values, a command that is not executable), and the facts a package-style install relies on.
 */
class SystemdUnitsTest {

    private static final Path UNITS = Path.of("src/main/systemd");
    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final String BIN = "/opt/meterflow/bin/meterflow";
    private static final Map<String, String> COMMANDS = Map.of(
            "meterflow-timeseries-api.service", "timeseries-api",
            "meterflow-aggregator.service", "aggregator",
            "meterflow-collector.service", "collector",
            "meterflow-poller.service", "collector",
            "meterflow-rating.service", "rating",
            "meterflow-reports.service", "reports");

    @Test
    void systemdVerifiesEveryUnitWithoutAWarning(@TempDir Path root) throws Exception {
        assumeTrue(
                Files.isExecutable(SYSTEMD_ANALYZE),
                "systemd-analyze not installed: CI needs Debian's systemd package for this check");
        // verify wants ExecStart to be executable: the units, pointed at a stub of bin/meterflow.
        Path stub = Files.createDirectories(root.resolve("opt/meterflow/bin")).resolve("meterflow");
        Files.writeString(stub, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of(SYSTEMD_ANALYZE.toString(), "verify"));
        for (Path unit : units()) {
            Path copy = root.resolve(unit.getFileName());
            Files.writeString(copy, Files.readString(unit).replace(BIN, stub.toString()));
            command.add(copy.toString());
        }

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        // verify also loads the units ours are ordered after (postgresql, rabbitmq-server, ...) as
        // this machine has them: their own complaints (Debian's keystone.service, once Keystone is
        // installed, warns about itself) are the machine's, not ours.
        List<String> ours = output.lines()
                .filter(line -> !line.isBlank())
                .filter(line -> line.contains("meterflow") || line.contains(root.toString()))
                .toList();
        assertThat(ours)
                .as("systemd-analyze verify warns about Meterflow's units:%n%s", output)
                .isEmpty();
    }

    @Test
    void everyServiceRunsItsCommandAsTheMeterflowUserAndStopsGracefully() throws IOException {
        assertThat(units())
                .extracting(u -> u.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(COMMANDS.keySet());
        for (Path unit : units()) {
            Map<String, List<String>> service = section(unit, "Service");
            String name = unit.getFileName().toString();

            assertThat(service.get("ExecStart")).as(name).containsExactly(BIN + " " + COMMANDS.get(name));
            assertThat(service.get("User")).as(name).containsExactly("meterflow");
            assertThat(service.get("Restart")).as(name).containsExactly("on-failure");
            assertThat(service.get("TimeoutStopSec")).as(name).isNotEmpty();
            assertThat(service.get("SuccessExitStatus")).as(name).containsExactly("143");
            assertThat(service.get("EnvironmentFile")).as(name).contains("/etc/meterflow/meterflow.env");
            assertThat(service.get("Environment"))
                    .as(name)
                    .anyMatch(e -> e.matches("\"METERFLOW_JAVA_OPTS=-Xmx\\d+[mg] .*\""));
            for (String hardening :
                    List.of("NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes")) {
                String[] keyValue = hardening.split("=");
                assertThat(service.get(keyValue[0])).as(name).containsExactly(keyValue[1]);
            }
        }
    }

    @Test
    void theSharedEnvironmentFileAndEachDatabaseServicesOwnHaveSamples() throws IOException {
        assertThat(UNITS.resolve("meterflow.env")).exists();
        Map<String, String> databases = Map.of(
                "timeseries.env", "meterflow_timeseries",
                "rating.env", "meterflow_rating",
                "reports.env", "meterflow_reports");
        for (Map.Entry<String, String> sample : databases.entrySet()) {
            assertThat(Files.readString(UNITS.resolve(sample.getKey())))
                    .contains("METERFLOW_DB_URL=jdbc:postgresql://")
                    .contains("/" + sample.getValue() + "?");
        }
        assertThat(Files.readString(UNITS.resolve("meterflow.env"))).doesNotContain("METERFLOW_DB_URL");
    }

    private static List<Path> units() throws IOException {
        try (Stream<Path> files = Files.list(UNITS)) {
            return files.filter(f -> f.toString().endsWith(".service")).sorted().toList();
        }
    }

    /** One section of a unit file: each key with its values in order (keys may repeat). */
    private static Map<String, List<String>> section(Path unit, String name) throws IOException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(unit)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[")) {
                current = trimmed.substring(1, trimmed.length() - 1);
            } else if (name.equals(current)) {
                int equals = trimmed.indexOf('=');
                keys.computeIfAbsent(trimmed.substring(0, equals), k -> new ArrayList<>())
                        .add(trimmed.substring(equals + 1));
            }
        }
        return keys;
    }
}
