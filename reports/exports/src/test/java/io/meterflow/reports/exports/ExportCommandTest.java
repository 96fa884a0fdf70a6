package io.meterflow.reports.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.gnocchiclient.GnocchiConfig;
import io.meterflow.gnocchiclient.auth.BasicAuth;
import io.meterflow.gnocchiclient.auth.KeystoneTokenAuth;
import io.meterflow.gnocchiclient.auth.NoAuth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command's arguments, output and exit statuses; CapacityExportIT runs it on the real API. */
class ExportCommandTest {

    private static final String[] VALID = {
        "--url", "http://127.0.0.1:8041",
        "--metric", "cpu,memory.usage",
        "--aggregation", "mean,max",
        "--unit", "ns",
        "--groupby", "host,flavor_name",
        "--filter", "project_id=p1",
        "--start", "2026-12-01T00:00:00Z",
        "--stop", "2026-12-01T02:00:00Z",
        "--granularity", "3600"
    };

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<GnocchiConfig> configs = new ArrayList<>();
    private final ExportCommand command = new ExportCommand(
            config -> {
                configs.add(config);
                return export ->
                        new ExportTable(export, SampleTables.byHostAndFlavor().rows());
            },
            out,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void printsHelpOnStandardOutputAndSucceeds() {
        assertThat(command.run(new String[] {"--help"})).isEqualTo(ExportCommand.OK);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("usage: reports export")
                .contains("--url URL", "--groupby ATTR[,ATTR...]", "--format {csv,json,png,svg}", "Exit status");
        assertThat(configs).isEmpty();
    }

    @Test
    void writesTheExportOnStandardOutputAndProgressOnStandardError() {
        assertThat(command.run(VALID)).isEqualTo(ExportCommand.OK);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("host,flavor_name,timestamp,granularity,cpu_mean,memory.usage_max\n");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cpu_mean, memory.usage_max from http://127.0.0.1:8041/, 2 grouped queries")
                .contains("3 rows, 2 groups, csv to standard output");
        assertThat(configs)
                .singleElement()
                .satisfies(config -> assertThat(config.auth()).isEqualTo(new BasicAuth("admin")));
    }

    @Test
    void writesTheChosenFormat() {
        assertThat(command.run(with("--format", "json"))).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("[{\"host\":\"compute-1\"");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--granularity| 1 hour| granularity: '1 hour' is not seconds",
                "--stop| 2026-11-30T00:00:00Z| stop: stop 2026-11-30T00:00:00Z must be after start",
                "--format| xlsx| choice: 'xlsx'",
                "--auth| kerberos:me| auth: expected noauth, noauth:USER[:PROJECT], basic:USER or token:TOKEN",
                "--url| ftp://gnocchi| url: invalid Gnocchi client configuration: baseUri must be an http or https URI",
                "--colour| red| unrecognized arguments: '--colour'",
            })
    void exitsWithTwoOnBadUsageWithoutAskingTheApi(String option, String value, String message) {
        assertThat(command.run(with(option, value))).isEqualTo(ExportCommand.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: reports export", message);
        assertThat(out.size()).isZero();
        assertThat(configs).isEmpty();
    }

    @Test
    void needsTheRequiredOptions() {
        assertThat(command.run(new String[] {"--url", "http://127.0.0.1:8041"})).isEqualTo(ExportCommand.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--metric", "is required");
    }

    @Test
    void readsEachAuthMode() {
        assertThat(ExportArguments.auth("noauth")).isEqualTo(new NoAuth("admin", null, List.of("admin")));
        assertThat(ExportArguments.auth("noauth:u1:p1")).isEqualTo(new NoAuth("u1", "p1", List.of()));
        assertThat(ExportArguments.auth("basic:planner")).isEqualTo(new BasicAuth("planner"));
        assertThat(ExportArguments.auth("token:abc").headers()).containsEntry("X-Auth-Token", "abc");
        assertThat(ExportArguments.auth("token:abc")).isInstanceOf(KeystoneTokenAuth.class);
    }

    private static String[] with(String option, String value) {
        List<String> args = new ArrayList<>(List.of(VALID));
        int at = args.indexOf(option);
        if (at >= 0) {
            args.set(at + 1, value);
        } else {
            args.add(option);
            args.add(value);
        }
        return args.toArray(String[]::new);
    }
}
