package io.meterflow.rating.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.rating.RatingApiFixture;
import io.meterflow.rating.RatingApplication;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rating processes as operators run them, in their own JVMs ({@code meterflow-rating process}),
 * on real PostgreSQL and the real time-series API: one killed with SIGKILL in the middle of a
 * catch-up, then run again; two at once on the same projects. Either way every hour of every
 * project ends up stored exactly once, with all its points: nothing lost, nothing doubled.
 */
@RealServices
class ProcessorCrashIT {

    private static final int HOURS = 150;
    private static final int POINTS_PER_PROJECT_HOUR = 6; // 3 instances, each an instance and a disk point

    private static ApiFixture timeseries;
    private static UsageScenario usage;
    private static PostgresDatabase database;
    private static Path scratch;
    private static Path metricsFile;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        database = db;
        timeseries = ApiFixture.start(db);
        usage = UsageScenario.seed(timeseries.baseUri(), 3, 3, HOURS);
        scratch = Files.createTempDirectory("meterflow-rating-crash-it");
        metricsFile = usage.writeMetricsFile(scratch);
        try (RatingApiFixture rating = RatingApiFixture.start(db)) {
            rating.put("/v1/rating/modules/hashmap", Map.of("module_id", "hashmap", "enabled", true));
            var disk = rating.post("/v1/rating/module_config/hashmap/services", Map.of("name", "disk"));
            rating.post(
                    "/v1/rating/module_config/hashmap/mappings",
                    Map.of("service_id", disk.json().get("service_id").asText(), "cost", "0.01", "type", "flat"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (timeseries != null) {
            timeseries.close();
        }
        RatedTables.deleteTree(scratch);
    }

    @BeforeEach
    void noRatedDataYet() throws SQLException {
        RatedTables.execute(database, "TRUNCATE rating_dataframes, rating_scope_states");
    }

    @Test
    void aProcessKilledMidCatchUpLeavesWholePeriodsAndTheNextRunCompletesThem() throws Exception {
        Process first = startProcess("killed");
        RatedTables.waitFor(
                Duration.ofSeconds(90),
                () -> RatedTables.count(database, "SELECT count(*) FROM rating_dataframes") >= 30);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the process itself
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Map<String, Long> afterKill = pointsByProjectHour();
        long hoursDone = afterKill.size();
        assertThat(hoursDone)
                .as("the kill came mid catch-up (else this test proves nothing)")
                .isLessThan((long) HOURS * usage.projects().size());
        assertThat(afterKill.values()).allMatch(points -> points == POINTS_PER_PROJECT_HOUR);
        for (String project : usage.projects()) {
            // Stored hours are exactly those up to the project's state: none past it, none missing.
            Instant last = RatedTables.lastProcessed(database, project).orElse(Instant.MIN);
            for (var entry : afterKill.entrySet()) {
                if (entry.getKey().startsWith(project + "/")) {
                    Instant hour = Instant.parse(entry.getKey().substring(project.length() + 1));
                    assertThat(hour).isBeforeOrEqualTo(last);
                }
            }
        }

        Process second = startProcess("resumed");
        assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(log("resumed")).isZero();
        assertEveryHourStoredOnce();
    }

    @Test
    void twoProcessesAtOnceRateEveryHourOnce() throws Exception {
        // One reads each period once for every project, the other project by project (CloudKitty's way).
        Process one = startProcess("one");
        Process two = startProcess("two", Map.of("METERFLOW_RATING_COLLECT_WHOLE_PERIODS", "false"));
        assertThat(one.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(two.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(one.exitValue()).as(log("one")).isZero();
        assertThat(two.exitValue()).as(log("two")).isZero();
        assertEveryHourStoredOnce();
    }

    private static void assertEveryHourStoredOnce() throws SQLException {
        Map<String, Long> stored = pointsByProjectHour();
        for (String project : usage.projects()) {
            for (int h = 0; h < HOURS; h++) {
                assertThat(stored.get(project + "/" + usage.hour(h)))
                        .as("%s hour %d", project, h)
                        .isEqualTo(POINTS_PER_PROJECT_HOUR);
            }
        }
        assertThat(stored).hasSize(HOURS * usage.projects().size());
        // 0.01 per GiB-hour, 10 + 20 + ... + 90 GiB over every hour.
        assertThat(RatedTables.count(
                        database, "SELECT count(*) FROM rating_dataframes WHERE type = 'disk' AND price <> qty * 0.01"))
                .isZero();
    }

    private static Process startProcess(String name) throws Exception {
        return startProcess(name, Map.of());
    }

    private static Process startProcess(String name, Map<String, String> settings) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RatingApplication.class.getName(),
                        "process")
                .redirectErrorStream(true)
                .redirectOutput(scratch.resolve(name + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("METERFLOW_DB_URL", jdbcUrlWithCredentials());
        environment.put("METERFLOW_DATA_DIR", scratch.toString());
        environment.put("METERFLOW_TIMESERIES_URL", timeseries.baseUri().toString());
        environment.put("METERFLOW_RATING_METRICS", metricsFile.toString());
        environment.put("METERFLOW_RATING_FETCHER_TYPES", usage.resourceType());
        environment.put("METERFLOW_RATING_FIRST_PERIOD", usage.firstHour().toString());
        environment.put("METERFLOW_RATING_WAIT_PERIODS", "1");
        environment.put("METERFLOW_RATING_WORKERS", "2");
        environment.put("METERFLOW_LOG_LEVEL", "WARN");
        environment.putAll(settings);
        return builder.start();
    }

    private static String log(String name) {
        try {
            return Files.readString(scratch.resolve(name + ".log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String jdbcUrlWithCredentials() {
        String url = database.jdbcUrl();
        return url + (url.contains("?") ? "&" : "?") + "user="
                + URLEncoder.encode(database.user(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(database.password(), StandardCharsets.UTF_8);
    }

    /** project/hour → points stored for it. */
    private static Map<String, Long> pointsByProjectHour() throws SQLException {
        Map<String, Long> points = new HashMap<>();
        try (Connection c = database.connect();
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT project_id, period_begin, count(*) FROM rating_dataframes GROUP BY 1, 2")) {
            while (rows.next()) {
                points.put(rows.getString(1) + "/" + rows.getTimestamp(2).toInstant(), rows.getLong(3));
            }
        }
        return points;
    }
}
