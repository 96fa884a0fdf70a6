package io.meterflow.reports.exports;

import io.meterflow.gnocchiclient.GnocchiClient;
import io.meterflow.gnocchiclient.GnocchiConfig;
import io.meterflow.gnocchiclient.error.GnocchiException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.ArgumentParser;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code reports export}: one capacity export from the command line. Exit status 0 when written,
 * 2 for bad usage (nothing asked of the API), 1 when the API or the output failed.
 */
public final class ExportCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Function<GnocchiConfig, CapacityQuery> exporters;
    private final OutputStream stdout;
    private final PrintStream stderr;

    /**
     * @param exporters the exporter for a parsed {@code --url} and {@code --auth}
     * @param stdout    where the export goes without {@code --output}
     * @param stderr    progress and errors
     */
    public ExportCommand(Function<GnocchiConfig, CapacityQuery> exporters, OutputStream stdout, PrintStream stderr) {
        this.exporters = exporters;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static void main(String[] args) {
        // Charts are drawn off screen: never look for a display, even on a desktop.
        System.setProperty("java.awt.headless", "true");
        ExportCommand command = new ExportCommand(
                config -> new CapacityExporter(new GnocchiClient(config)),
                System.out,
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
        System.exit(command.run(args));
    }

    /** Runs one export; returns the exit status. */
    public int run(String[] args) {
        ArgumentParser parser = ExportArguments.parser();
        // Help is answered before parsing, so it works without the required options and goes to stdout.
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            PrintWriter help = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
            parser.printHelp(help);
            help.flush();
            return OK;
        }
        ExportArguments.Parsed parsed;
        try {
            Namespace namespace = parser.parseArgs(args);
            parsed = ExportArguments.read(namespace);
        } catch (ArgumentParserException e) {
            PrintWriter error = new PrintWriter(stderr, true, StandardCharsets.UTF_8);
            parser.handleError(e, error);
            error.flush();
            return USAGE;
        } catch (InvalidExportException e) {
            parser.printUsage(new PrintWriter(stderr, true, StandardCharsets.UTF_8));
            stderr.println("reports export: " + e.getMessage());
            return USAGE;
        }
        return export(parsed);
    }

    private int export(ExportArguments.Parsed parsed) {
        CapacityExport export = parsed.export();
        stderr.printf(
                "reports export: %s from %s, %d grouped quer%s%n",
                String.join(", ", export.columns()),
                parsed.gnocchi().baseUri(),
                export.metrics().size(),
                export.metrics().size() == 1 ? "y" : "ies");
        try {
            ExportTable table = exporters.apply(parsed.gnocchi()).run(export);
            ExportWriter writer = parsed.format().writer();
            if (parsed.output() == null) {
                OutputStream out = new BufferedOutputStream(stdout);
                writer.write(table, out);
                out.flush();
            } else {
                writeFile(parsed.output(), table, writer);
            }
            stderr.printf(
                    "reports export: %d rows, %d groups, %s to %s%n",
                    table.rows().size(),
                    table.byGroup().size(),
                    parsed.format().extension(),
                    parsed.output() == null ? "standard output" : parsed.output());
            return OK;
        } catch (GnocchiException e) {
            stderr.println("reports export: the time-series API failed: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            stderr.println("reports export: cannot write: " + e);
            return FAILED;
        }
    }

    /** Through a temporary file beside the target, so a failed export never leaves half a file. */
    private static void writeFile(Path output, ExportTable table, ExportWriter writer) throws IOException {
        Path directory = output.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(directory, "." + output.getFileName(), ".partial");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                writer.write(table, out);
            }
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
