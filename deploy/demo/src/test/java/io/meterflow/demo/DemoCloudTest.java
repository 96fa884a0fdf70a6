package io.meterflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCloudTest {

    @Test
    void theServiceEnvironmentIsTheSameAfterARestart(@TempDir Path dataDir) {
        Map<String, String> first;
        try (DemoCloud demo =
                new DemoCloud(dataDir, Clock.fixed(Instant.parse("2026-12-07T14:25:00Z"), ZoneOffset.UTC))) {
            first = demo.serviceEnvironment();
        }
        assertThat(first)
                .containsEntry("METERFLOW_RATING_FIRST_PERIOD", "2026-12-06T18:00:00Z")
                .containsEntry("METERFLOW_RATING_WAIT_PERIODS", "0")
                .containsEntry("METERFLOW_RATING_INTERVAL", "5")
                .containsEntry("METERFLOW_BILLING_TIME_ZONE", "UTC");
        assertThat(Path.of(first.get("METERFLOW_RATING_METRICS")))
                .isRegularFile()
                .startsWith(dataDir.toAbsolutePath().resolve("demo"));

        try (DemoCloud again =
                new DemoCloud(dataDir, Clock.fixed(Instant.parse("2026-12-08T09:00:00Z"), ZoneOffset.UTC))) {
            assertThat(again.serviceEnvironment()).isEqualTo(first);
        }
    }

    @Test
    void pollingIsOnExactlyWhenLibvirtIsInstalled(@TempDir Path dataDir) throws Exception {
        try (DemoCloud demo = new DemoCloud(dataDir, Clock.systemUTC())) {
            Map<String, String> environment = demo.serviceEnvironment();
            if (demo.pollingLibrary().isPresent()) {
                assertThat(environment).containsEntry("METERFLOW_POLLING", "alongside");
                Path node = Path.of(environment.get("METERFLOW_POLLING_URI").substring("test://".length()));
                assertThat(Files.readString(node))
                        .contains("nova:project uuid=")
                        .contains("acme-web-1");
            } else {
                assertThat(environment).doesNotContainKey("METERFLOW_POLLING");
                assertThat(demo.describe(endpoints())).contains("Hypervisor polling: off");
            }
        }
    }

    private static DemoEndpoints endpoints() {
        return new DemoEndpoints(
                java.net.URI.create("http://127.0.0.1:8041"),
                java.net.URI.create("http://127.0.0.1:8889"),
                java.net.URI.create("http://127.0.0.1:8890"),
                "amqp://guest:guest@127.0.0.1:5672/%2F",
                "admin");
    }
}
