package io.meterflow.reports.exports;

import io.meterflow.gnocchiclient.GnocchiConfig;
import io.meterflow.gnocchiclient.auth.BasicAuth;
import io.meterflow.gnocchiclient.auth.GnocchiAuth;
import io.meterflow.gnocchiclient.auth.KeystoneTokenAuth;
import io.meterflow.gnocchiclient.auth.NoAuth;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.ArgumentParsers;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * The command line of {@code reports export}: argparse4j, as the Dropwizard commands elsewhere in
 * Meterflow. The export parameters keep {@link ExportParameters}' names with dashes.
 */
final class ExportArguments {

    /** What parsing yielded beyond the export itself. */
    record Parsed(GnocchiConfig gnocchi, CapacityExport export, ExportFormat format, Path output) {}

    private static final List<String> LISTS =
            List.of("metric", "aggregation", "reaggregation", "unit", "groupby", "filter");
    private static final List<String> SINGLES = List.of("resource_type", "start", "stop", "granularity");

    private ExportArguments() {}

    static ArgumentParser parser() {
        ArgumentParser parser = ArgumentParsers.newFor("reports export")
                .build()
                .description("Export aggregates of the Gnocchi API grouped by resource attributes (host, flavor,"
                        + " project...) over time, as CSV, JSON, PNG or SVG. The export goes to standard output"
                        + " or --output; progress and errors to standard error. Exit status: 0 done, 2 bad"
                        + " usage, 1 failure.");
        parser.addArgument("--url")
                .required(true)
                .metavar("URL")
                .help("the Gnocchi API root, e.g. http://127.0.0.1:8041");
        parser.addArgument("--auth")
                .metavar("MODE")
                .setDefault("basic:admin")
                .help("noauth (admin), noauth:USER[:PROJECT], basic:USER or token:TOKEN (Keystone)"
                        + " (default basic:admin)");
        parser.addArgument("--metric")
                .action(Arguments.append())
                .required(true)
                .metavar("NAME[,NAME...]")
                .help("metrics to export, one column each, e.g. cpu,memory.usage");
        parser.addArgument("--aggregation")
                .action(Arguments.append())
                .metavar("METHOD[,METHOD...]")
                .help("archive method read per resource, one for all metrics or one each (default mean)");
        parser.addArgument("--reaggregation")
                .action(Arguments.append())
                .metavar("METHOD[,METHOD...]")
                .help("how a group's resources combine: mean, sum, max, min, median, std, var, count"
                        + " (default: the aggregation)");
        parser.addArgument("--unit")
                .action(Arguments.append())
                .metavar("UNIT[,UNIT...]")
                .help("units of the metrics, for the chart axis, e.g. ns,MB");
        parser.addArgument("--resource-type")
                .dest("resource_type")
                .metavar("TYPE")
                .help("resource type searched (default instance)");
        parser.addArgument("--groupby")
                .action(Arguments.append())
                .metavar("ATTR[,ATTR...]")
                .help("resource attributes to group by, e.g. host,flavor_name");
        parser.addArgument("--filter")
                .action(Arguments.append())
                .metavar("ATTR=VALUE")
                .help("only resources with this attribute value, e.g. project_id=abc; repeatable");
        parser.addArgument("--start").required(true).metavar("TIME").help("first time, e.g. 2026-12-01T00:00:00Z");
        parser.addArgument("--stop").required(true).metavar("TIME").help("end time (excluded)");
        parser.addArgument("--granularity")
                .required(true)
                .metavar("SPAN")
                .help("one archive policy granularity: seconds (3600) or 1h, 5m, 1d");
        parser.addArgument("--format")
                .choices("csv", "json", "png", "svg")
                .setDefault("csv")
                .help("output format (default csv)");
        parser.addArgument("--output").metavar("FILE").help("write here instead of standard output");
        parser.addArgument("--timeout")
                .type(Integer.class)
                .metavar("SECONDS")
                .setDefault((int) GnocchiConfig.DEFAULT_REQUEST_TIMEOUT.toSeconds())
                .help("how long to wait for the API's answer (default 60)");
        return parser;
    }

    /** @throws InvalidExportException for any bad value, --url and --auth included */
    static Parsed read(Namespace namespace) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String name : LISTS) {
            List<String> values = namespace.getList(name);
            if (values != null) {
                parameters.put(name, values);
            }
        }
        for (String name : SINGLES) {
            String value = namespace.getString(name);
            if (value != null) {
                parameters.put(name, List.of(value));
            }
        }
        CapacityExport export = ExportParameters.parse(parameters);
        String output = namespace.getString("output");
        return new Parsed(
                gnocchi(namespace.getString("url"), namespace.getString("auth"), namespace.getInt("timeout")),
                export,
                ExportFormat.parse(namespace.getString("format")),
                output == null ? null : Path.of(output));
    }

    private static GnocchiConfig gnocchi(String url, String auth, int timeoutSeconds) {
        if (timeoutSeconds <= 0) {
            throw InvalidExportException.of("timeout", "must be a positive number of seconds, got " + timeoutSeconds);
        }
        try {
            return GnocchiConfig.of(URI.create(url), auth(auth))
                    .withTimeouts(GnocchiConfig.DEFAULT_CONNECT_TIMEOUT, Duration.ofSeconds(timeoutSeconds));
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidExportException invalid) {
                throw invalid;
            }
            throw InvalidExportException.of("url", e.getMessage());
        }
    }

    static GnocchiAuth auth(String mode) {
        String[] parts = mode.split(":", -1);
        try {
            return switch (parts[0]) {
                case "noauth" ->
                    parts.length == 1
                            ? new NoAuth("admin", null, List.of("admin"))
                            : new NoAuth(parts[1], parts.length > 2 ? parts[2] : null, List.of());
                case "basic" -> new BasicAuth(mode.substring("basic:".length()));
                case "token" -> {
                    String token = mode.substring("token:".length());
                    if (token.isBlank()) {
                        throw new IllegalArgumentException("token: needs a Keystone token");
                    }
                    yield new KeystoneTokenAuth(() -> token);
                }
                default -> throw new IllegalArgumentException("unknown mode '" + parts[0] + "'");
            };
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw InvalidExportException.of(
                    "auth",
                    "expected noauth, noauth:USER[:PROJECT], basic:USER or token:TOKEN (" + e.getMessage() + ")");
        }
    }
}
