package io.meterflow.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's python3-cloudkittyclient against the rating API on a real PostgreSQL, through both of
 * its command lines, {@code cloudkitty} and {@code openstack rating} (its OpenStackClient plugin):
 * the CLI configures a hashmap, enables it, adds and reads dataframes and summaries (v1 and v2),
 * reads and resets a scope state; the client library runs a quote
 * ({@code src/test/python/cloudkitty_client_check.py}). Skipped where the client is not installed
 * ({@code .ci/run} installs python3-cloudkittyclient and python3-openstackclient).
 */
@RealServices
class CloudKittyClientIT {

    private static final Path CHECK = Path.of("src/test/python/cloudkitty_client_check.py");

    @ParameterizedTest
    @ValueSource(strings = {"cloudkitty", "openstack"})
    void theCloudKittyClientConfiguresRatesAndReadsAsAgainstCloudKitty(String commandLine, PostgresDatabase db)
            throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin", commandLine)),
                commandLine + " is not installed (apt-get install python3-cloudkittyclient python3-openstackclient)");
        emptyRatingTables(db); // each command line configures the same hashmap from nothing
        try (RatingApiFixture api = RatingApiFixture.start(db)) {
            Process check = new ProcessBuilder(
                            "/usr/bin/python3", CHECK.toString(), api.baseUri().toString(), "--via", commandLine)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(output).isZero();
            assertThat(output).contains("all checks passed (via " + commandLine + ")");
        }
    }

    /** Every rating table but Flyway's history; before the first start nothing has been migrated. */
    private static void emptyRatingTables(PostgresDatabase db) throws SQLException {
        try (Connection c = db.connect();
                Statement statement = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows =
                    statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                            + " AND tablename LIKE 'rating%' AND tablename <> 'rating_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                statement.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
            }
        }
    }
}
