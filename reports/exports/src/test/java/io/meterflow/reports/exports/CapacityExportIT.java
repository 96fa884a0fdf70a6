package io.meterflow.reports.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dropwizard.testing.junit5.DropwizardClientExtension;
import io.meterflow.gnocchiclient.GnocchiClient;
import io.meterflow.gnocchiclient.GnocchiConfig;
import io.meterflow.gnocchiclient.auth.BasicAuth;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports against the real time-series API, started in this JVM on the test's own database, with
 * the numbers of {@link CapacityScenario} worked out by hand.
 */
@RealServices
class CapacityExportIT {

    private static final Duration HOUR = Duration.ofHours(1);

    private static ApiFixture timeseries;
    private static CapacityExporter exporter;
    private static DropwizardClientExtension reports;

    @BeforeAll
    static void start(PostgresDatabase db) throws Throwable {
        // The resource as the reports server will serve it, on a real Jetty. Started first: the API's
        // fixture passes its settings as dw.* system properties, which another Dropwizard app would read.
        reports = new DropwizardClientExtension(new CapacityExportResource(token -> exporter));
        reports.before();
        timeseries = ApiFixture.start(db);
        CapacityScenario.seed(timeseries.baseUri());
        exporter =
                new CapacityExporter(new GnocchiClient(GnocchiConfig.of(timeseries.baseUri(), new BasicAuth("admin"))));
    }

    @AfterAll
    static void stop() {
        if (reports != null) {
            reports.after();
        }
        if (timeseries != null) {
            timeseries.close();
        }
    }

    @Test
    void averagesCpuAndSumsVcpusPerHostAndHour() {
        ExportTable table = exporter.run(export(List.of("host"), Map.of(), cpuMean(), vcpusSum()));

        assertThat(values(table))
                .containsExactly(
                        Map.entry("c1 @ 00:00", List.of(27.5, 5.0)), // cpu mean(15, 40); vcpus 1 + 4
                        Map.entry("c1 @ 01:00", List.of(40.0, 5.0)), // mean(30, 50)
                        Map.entry("c2 @ 00:00", List.of(3.0, 2.0)), // mean(5, 1)
                        Map.entry("c2 @ 01:00", List.of(5.0, 2.0))); // mean(7, 3)
        assertThat(table.rows()).allSatisfy(row -> assertThat(row.granularity()).isEqualTo(HOUR));
    }

    @Test
    void groupsByFlavor() {
        ExportTable table = exporter.run(export(List.of("flavor_name"), Map.of(), cpuMean()));

        Map<String, List<Double>> values = values(table);
        assertThat(values.keySet())
                .containsExactly("m1.large @ 00:00", "m1.large @ 01:00", "m1.small @ 00:00", "m1.small @ 01:00");
        assertThat(values.get("m1.large @ 00:00")).containsExactly(40.0);
        assertThat(values.get("m1.large @ 01:00")).containsExactly(50.0);
        assertThat(values.get("m1.small @ 00:00").get(0)).isCloseTo(7.0, within(1e-9)); // mean(15, 5, 1)
        assertThat(values.get("m1.small @ 01:00").get(0)).isCloseTo(40.0 / 3, within(1e-9)); // mean(30, 7, 3)
    }

    @Test
    void groupsByHostAndFlavorWithinOneProject() {
        ExportTable table =
                exporter.run(export(List.of("host", "flavor_name"), Map.of("project_id", "pA"), cpuMean(), vcpusSum()));

        assertThat(values(table))
                .containsExactly(
                        Map.entry("c1 / m1.large @ 00:00", List.of(40.0, 4.0)),
                        Map.entry("c1 / m1.large @ 01:00", List.of(50.0, 4.0)),
                        Map.entry("c1 / m1.small @ 00:00", List.of(15.0, 1.0)),
                        Map.entry("c1 / m1.small @ 01:00", List.of(30.0, 1.0)),
                        Map.entry("c2 / m1.small @ 00:00", List.of(1.0, 1.0)), // i3 is project pB
                        Map.entry("c2 / m1.small @ 01:00", List.of(3.0, 1.0)));
    }

    @Test
    void commandWritesTheCsvOfAnExportToAFile(@TempDir Path directory) throws Exception {
        Path output = directory.resolve("by-host.csv");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ExportCommand command = new ExportCommand(
                config -> new CapacityExporter(new GnocchiClient(config)),
                new ByteArrayOutputStream(),
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        int status = command.run(new String[] {
            "--url", timeseries.baseUri().toString(),
            "--auth", "basic:admin",
            "--metric", "cpu,vcpus",
            "--reaggregation", "mean,sum",
            "--groupby", "host",
            "--start", "2026-12-01T00:00:00Z",
            "--stop", "2026-12-01T02:00:00Z",
            "--granularity", "1h",
            "--output", output.toString()
        });

        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(output)).isEqualTo("""
                        host,timestamp,granularity,cpu_mean,vcpus_mean_sum
                        c1,2026-12-01T00:00:00Z,3600,27.5,5.0
                        c1,2026-12-01T01:00:00Z,3600,40.0,5.0
                        c2,2026-12-01T00:00:00Z,3600,3.0,2.0
                        c2,2026-12-01T01:00:00Z,3600,5.0,2.0
                        """);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("4 rows, 2 groups");
    }

    @Test
    void commandFailsWithStatusOneWhenTheApiRefuses() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ExportCommand command = new ExportCommand(
                config -> new CapacityExporter(new GnocchiClient(config)),
                new ByteArrayOutputStream(),
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        int status = command.run(new String[] {
            "--url", timeseries.baseUri().toString(),
            "--metric", "cpu",
            "--resource-type", "no_such_type",
            "--start", "2026-12-01T00:00:00Z",
            "--stop", "2026-12-01T02:00:00Z",
            "--granularity", "3600"
        });

        assertThat(status).isEqualTo(ExportCommand.FAILED);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("the time-series API failed");
    }

    @Test
    void resourceAnswersTheExportOverHttp() throws Exception {
        HttpResponse<String> response = get("metric=cpu&groupby=flavor_name&filter=project_id=pA"
                + "&start=2026-12-01T00:00:00Z&stop=2026-12-01T02:00:00Z&granularity=3600&format=json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains(
                        "attachment; filename=\"capacity-cpu_mean-by-flavor_name-20261201T000000Z-20261201T020000Z.json\"");
        assertThat(response.body())
                .isEqualTo("["
                        + "{\"flavor_name\":\"m1.large\",\"timestamp\":\"2026-12-01T00:00:00Z\",\"granularity\":3600,\"cpu_mean\":40.0},"
                        + "{\"flavor_name\":\"m1.large\",\"timestamp\":\"2026-12-01T01:00:00Z\",\"granularity\":3600,\"cpu_mean\":50.0},"
                        + "{\"flavor_name\":\"m1.small\",\"timestamp\":\"2026-12-01T00:00:00Z\",\"granularity\":3600,\"cpu_mean\":8.0},"
                        + "{\"flavor_name\":\"m1.small\",\"timestamp\":\"2026-12-01T01:00:00Z\",\"granularity\":3600,\"cpu_mean\":16.5}"
                        + "]"); // pA's m1.small: i1 and i4, mean(15, 1) and mean(30, 3)
    }

    @Test
    void resourcePassesOnTheApisRefusalAsJson() throws Exception {
        HttpResponse<String> response = get("metric=cpu&resource_type=no_such_type"
                + "&start=2026-12-01T00:00:00Z&stop=2026-12-01T02:00:00Z&granularity=3600");

        assertThat(response.statusCode()).isBetween(400, 404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).startsWith("{\"description\":\"time-series API: HTTP " + response.statusCode());
    }

    private static HttpResponse<String> get(String query) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(reports.baseUri() + "/v1/exports/capacity?" + query))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static CapacityExport export(List<String> groupBy, Map<String, String> filter, MetricAggregate... metrics) {
        return new CapacityExport(
                List.of(metrics), null, groupBy, CapacityScenario.START, CapacityScenario.STOP, HOUR, filter);
    }

    private static MetricAggregate cpuMean() {
        return MetricAggregate.of("cpu", "mean");
    }

    /** Each instance's hourly mean of vcpus, summed over the group: the vCPUs the group holds. */
    private static MetricAggregate vcpusSum() {
        return new MetricAggregate("vcpus", "mean", "sum", null);
    }

    /** "group @ HH:MM" → values, in the table's order. */
    private static Map<String, List<Double>> values(ExportTable table) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        table.rows()
                .forEach(row -> values.put(
                        row.groupLabel() + " @ " + row.timestamp().toString().substring(11, 16), row.values()));
        return values;
    }
}
