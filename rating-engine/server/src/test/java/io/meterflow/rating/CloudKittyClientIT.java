package io.meterflow.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Debian's python3-cloudkittyclient against the rating API on a real PostgreSQL: the CLI
 * configures a hashmap, enables it, adds and reads dataframes and summaries (v1 and v2), reads and
 * resets a scope state; the client library runs a quote ({@code src/test/python/cloudkitty_client_check.py}).
 * Skipped where the client is not installed ({@code .ci/run} installs it).
 */
@RealServices
class CloudKittyClientIT {

    private static final Path CLI = Path.of("/usr/bin/cloudkitty");
    private static final Path CHECK = Path.of("src/test/python/cloudkitty_client_check.py");

    @Test
    void theCloudKittyClientConfiguresRatesAndReadsAsAgainstCloudKitty(PostgresDatabase db) throws Exception {
        assumeTrue(
                Files.isExecutable(CLI),
                "python3-cloudkittyclient is not installed (apt-get install python3-cloudkittyclient)");
        try (RatingApiFixture api = RatingApiFixture.start(db)) {
            Process check = new ProcessBuilder(
                            "/usr/bin/python3", CHECK.toString(), api.baseUri().toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(output).isZero();
            assertThat(output).contains("all checks passed");
        }
    }
}
