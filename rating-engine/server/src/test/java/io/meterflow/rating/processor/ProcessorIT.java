package io.meterflow.rating.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The processor inside the rating service, end to end on real parts: usage in Meterflow's
 * time-series API (in this JVM, on the test's PostgreSQL), hashmap rules configured through the
 * CloudKitty API, the background loop collecting each project's hours through the Gnocchi API,
 * pricing them and storing them where summaries and dataframes read. An instance resized after
 * the hours rated is priced with the flavor it had in them.
 */
@RealServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessorIT {

    private static final String HASHMAP = "/v1/rating/module_config/hashmap/";
    private static final int HOURS = 4;

    private static ApiFixture timeseries;
    private static RatingApiFixture rating;
    private static UsageScenario usage;
    private static PostgresDatabase database;
    private static Path scratch;
    private static String smallMapping;
    private static String flavorField;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        database = db;
        timeseries = ApiFixture.start(db);
        usage = UsageScenario.seed(timeseries.baseUri(), 3, 3, HOURS);
        // Resized after every rated hour: those hours keep the flavor they ran with (use_history).
        usage.resize(timeseries.baseUri(), usage.instances().get(0), "m1.large");
        scratch = Files.createTempDirectory("meterflow-rating-processor-it");
        // Rules first, as in a cloud that is already priced: the processor starts pricing at once.
        rating = RatingApiFixture.start(db);
        configureRules();
        rating.close();
        rating = RatingApiFixture.start(
                db,
                Map.of(
                        "processor.enabled", "true",
                        "processor.timeseriesUrl", timeseries.baseUri().toString(),
                        "processor.fetcherResourceTypes", usage.resourceType(),
                        "processor.firstPeriod", usage.firstHour().toString(),
                        "processor.waitPeriods", "1",
                        "processor.intervalSeconds", "1",
                        "metricsFile", usage.writeMetricsFile(scratch).toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (rating != null) {
            rating.close();
        }
        if (timeseries != null) {
            timeseries.close();
        }
        RatedTables.deleteTree(scratch);
    }

    /**
     * m1.small costs 0.5 per instance-hour, 0.7 for the second project; m1.large 2; every other
     * flavor the service's default 0.1 (a service flat mapping is the floor in the same group);
     * a GiB-hour of disk 0.01. The third project has a rate threshold on flavor_name, a text: its
     * instances cannot be priced, as in CloudKitty.
     */
    private static void configureRules() {
        assertThat(rating.put("/v1/rating/modules/hashmap", Map.of("module_id", "hashmap", "enabled", true))
                        .status())
                .isEqualTo(302);
        String instance = created(rating.post(HASHMAP + "services", Map.of("name", "instance")), "service_id");
        flavorField = created(
                rating.post(HASHMAP + "fields", Map.of("service_id", instance, "name", "flavor_name")), "field_id");
        String flavor = flavorField;
        rating.post(HASHMAP + "mappings", Map.of("service_id", instance, "cost", "0.1", "type", "flat"));
        smallMapping = created(
                rating.post(
                        HASHMAP + "mappings",
                        Map.of("field_id", flavor, "value", "m1.small", "cost", "0.5", "type", "flat")),
                "mapping_id");
        rating.post(
                HASHMAP + "mappings",
                Map.of(
                        "field_id",
                        flavor,
                        "value",
                        "m1.small",
                        "cost",
                        "0.7",
                        "type",
                        "flat",
                        "tenant_id",
                        usage.projects().get(1)));
        rating.post(HASHMAP + "mappings", Map.of("field_id", flavor, "value", "m1.large", "cost", "2", "type", "flat"));
        rating.post(
                HASHMAP + "thresholds",
                Map.of(
                        "field_id",
                        flavor,
                        "level",
                        "1",
                        "cost",
                        "1.1",
                        "type",
                        "rate",
                        "tenant_id",
                        usage.projects().get(2)));
        String disk = created(rating.post(HASHMAP + "services", Map.of("name", "disk")), "service_id");
        rating.post(HASHMAP + "mappings", Map.of("service_id", disk, "cost", "0.01", "type", "flat"));
    }

    @Test
    @Order(1)
    void everyDueHourOfEveryPricedProjectIsStoredOnceWithCloudKittysPrices() throws Exception {
        // Hours 0..HOURS-2 are due under waitPeriods=1 whatever the clock does during the test.
        Instant lastSure = usage.hour(HOURS - 2);
        RatedTables.waitFor(
                Duration.ofSeconds(60),
                () -> ratedTo(usage.projects().get(0), lastSure)
                        && ratedTo(usage.projects().get(1), lastSure));

        Map<String, BigDecimal> stored = storedPrices();
        for (int i = 0; i < 6; i++) { // the instances of the first two projects
            UsageScenario.Instance instance = usage.instances().get(i);
            for (int h = 0; h <= HOURS - 2; h++) {
                String key = instance.id() + "/" + usage.hour(h);
                BigDecimal up = UsageScenario.cpu(i, h) == 0 ? BigDecimal.ZERO : BigDecimal.ONE;
                assertThat(stored.get("instance/" + key))
                        .as("instance %d hour %d", i, h)
                        .isEqualByComparingTo(up.multiply(flavorPrice(instance)));
                assertThat(stored.get("disk/" + key))
                        .as("disk %d hour %d", i, h)
                        .isEqualByComparingTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(instance.diskGib())));
            }
        }
        assertThat(RatedTables.count(
                        database,
                        "SELECT count(*) FROM (SELECT 1 FROM rating_dataframes GROUP BY type, period_begin,"
                                + " groupby->>'id' HAVING count(*) > 1) doubles"))
                .as("points stored twice")
                .isZero();
    }

    @Test
    @Order(2)
    void aProjectWhoseUsageCannotBePricedIsSkippedAndReportedWithoutStoppingTheOthers() throws Exception {
        String unpriceable = usage.projects().get(2);
        assertThat(RatedTables.count(
                        database, "SELECT count(*) FROM rating_dataframes WHERE project_id = '" + unpriceable + "'"))
                .isZero();
        JsonNode state = rating.get("/v2/scope?scope_id=" + unpriceable).json();
        assertThat(state.at("/results/0/last_processed_timestamp").isNull()
                        || state.at("/results").isEmpty())
                .as("the unpriceable project's state did not advance: %s", state)
                .isTrue();
        String metrics = rating.get("/admin/metrics").body();
        java.util.regex.Matcher failures = java.util.regex.Pattern.compile(
                        "(?m)^rating_processor_failures\\S* ([0-9.eE+]+)$")
                .matcher(metrics);
        assertThat(failures.find()).as(metrics).isTrue();
        assertThat(Double.parseDouble(failures.group(1))).isPositive();
    }

    @Test
    @Order(3)
    void summariesAndDataframesReadWhatTheProcessorStored() {
        String project = usage.projects().get(0);
        JsonNode summary = rating.get("/v2/summary?begin=" + usage.hour(0) + "&end=" + usage.hour(HOURS - 1)
                        + "&groupby=project_id,type&filters=project_id:" + project)
                .json();
        assertThat(summary.at("/columns").toString()).contains("rate");
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            UsageScenario.Instance instance = usage.instances().get(i);
            for (int h = 0; h < HOURS - 1; h++) {
                if (UsageScenario.cpu(i, h) != 0) {
                    expected = expected.add(flavorPrice(instance));
                }
                expected = expected.add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(instance.diskGib())));
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        int rateColumn = columnIndex(summary, "rate");
        for (JsonNode row : summary.get("results")) {
            total = total.add(new BigDecimal(row.get(rateColumn).asText()));
        }
        assertThat(total).isEqualByComparingTo(expected);
        JsonNode frames = rating.get("/v2/dataframes?begin=" + usage.hour(0) + "&end=" + usage.hour(1)
                        + "&filters=project_id:" + project)
                .json();
        assertThat(frames.at("/total").asInt()).isEqualTo(6); // 3 instances, 3 disks
    }

    @Test
    @Order(4)
    void aReprocessingReplacesThePeriodsItCoversWithTheCurrentRules() throws Exception {
        String project = usage.projects().get(0);
        Map<String, BigDecimal> before = storedPrices();
        long rowsBefore = RatedTables.count(database, "SELECT count(*) FROM rating_dataframes");
        RatingApiFixture.Reply update = rating.put(
                HASHMAP + "mappings/" + smallMapping,
                Map.of(
                        "mapping_id", smallMapping,
                        "field_id", flavorField,
                        "value", "m1.small",
                        "cost", "0.9",
                        "type", "flat"));
        assertThat(update.status()).as(update.body()).isEqualTo(302);
        assertThat(rating.post(
                                "/v2/task/reprocesses",
                                Map.of(
                                        "scope_ids",
                                        project,
                                        "start_reprocess_time",
                                        usage.hour(0).toString(),
                                        "end_reprocess_time",
                                        usage.hour(1).toString(),
                                        "reason",
                                        "m1.small repriced from the start of the scenario"))
                        .status())
                .isEqualTo(202);
        RatedTables.waitFor(
                Duration.ofSeconds(60),
                () -> RatedTables.count(
                                database,
                                "SELECT count(*) FROM rating_reprocess_schedules"
                                        + " WHERE current_reprocess_time = end_reprocess_time")
                        == 1);

        Map<String, BigDecimal> after = storedPrices();
        assertThat(RatedTables.count(database, "SELECT count(*) FROM rating_dataframes"))
                .isEqualTo(rowsBefore);
        for (int i = 0; i < 9; i++) {
            UsageScenario.Instance instance = usage.instances().get(i);
            for (int h = 0; h <= HOURS - 2; h++) {
                String key = "instance/" + instance.id() + "/" + usage.hour(h);
                boolean repriced =
                        i < 3 && h <= 1 && instance.flavor().equals("m1.small") && UsageScenario.cpu(i, h) != 0;
                if (repriced) {
                    assertThat(after.get(key)).as(key).isEqualByComparingTo("0.9");
                } else {
                    assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
                }
            }
        }
    }

    private static boolean ratedTo(String project, Instant hour) {
        return RatedTables.lastProcessed(database, project)
                .map(last -> !last.isBefore(hour))
                .orElse(false);
    }

    private static BigDecimal flavorPrice(UsageScenario.Instance instance) {
        return switch (instance.flavor()) {
            case "m1.small" ->
                instance.project().equals(usage.projects().get(1)) ? new BigDecimal("0.7") : new BigDecimal("0.5");
            case "m1.large" -> new BigDecimal("2");
            default -> new BigDecimal("0.1");
        };
    }

    /** type/resource id/period start → price. */
    private static Map<String, BigDecimal> storedPrices() throws SQLException {
        Map<String, BigDecimal> prices = new HashMap<>();
        try (Connection c = database.connect();
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT type, groupby->>'id', period_begin, price FROM rating_dataframes")) {
            while (rows.next()) {
                prices.put(
                        rows.getString(1) + "/" + rows.getString(2) + "/"
                                + rows.getTimestamp(3).toInstant(),
                        rows.getBigDecimal(4));
            }
        }
        return prices;
    }

    private static int columnIndex(JsonNode summary, String column) {
        List<String> columns = new java.util.ArrayList<>();
        summary.get("columns").forEach(c -> columns.add(c.asText()));
        return columns.indexOf(column);
    }

    private static String created(RatingApiFixture.Reply reply, String idField) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get(idField).asText();
    }
}
