package io.meterflow.collector.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.meterflow.collector.ingest.NotificationProcessor;
import io.meterflow.collector.ingest.Outcome;
import io.meterflow.wire.SampleCodec;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code replay FILE}: recorded notifications in, samples out as JSON lines, through the same
 * {@link NotificationProcessor} as the live consumer; no broker, no Kafka. Skipped and
 * dead-lettered messages are counted on standard error.
 */
public final class ReplayCommand extends Command {

    private final Function<Namespace, NotificationProcessor> processors;
    private final ObjectMapper json;

    public ReplayCommand(Function<Namespace, NotificationProcessor> processors, ObjectMapper json) {
        super("replay", "Print the samples of recorded notifications (notify.py --out lines) as JSON lines");
        this.processors = processors;
        this.json = json;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser
                .addArgument("file")
                .metavar("FILE")
                .help("recorded notifications, one JSON object per line "
                        + "(exchange, routing_key, body); - for standard input");
        subparser
                .addArgument("--meters")
                .metavar("PATH")
                .nargs("*")
                .setDefault(java.util.List.of())
                .help("meters.yaml files or directories to use instead of the built-in definitions");
        subparser
                .addArgument("--nova-format")
                .choices("legacy", "versioned", "both")
                .setDefault("both")
                .help("which Nova notification format to meter (default both: each event once)");
        subparser
                .addArgument("--dead-letter-unmatched")
                .choices("true", "false")
                .setDefault("true")
                .help("count unmatched notifications as dead letters (true) or as skipped (false)");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        NotificationProcessor processor = processors.apply(namespace);
        SampleCodec samples = new SampleCodec(json);
        String file = namespace.getString("file");
        long messages = 0;
        long sampleCount = 0;
        long skipped = 0;
        long deadLetters = 0;
        PrintStream err = System.err;
        java.util.Map<String, Long> reasons = new java.util.TreeMap<>();
        try (BufferedReader in = file.equals("-")
                        ? new BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
                        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
                BufferedWriter out =
                        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                messages++;
                Outcome outcome =
                        processor.process(RecordedMessage.parse(json, line).body());
                if (outcome instanceof Outcome.Metered metered) {
                    for (var sample : metered.samples()) {
                        out.write(samples.ceilometerForm(sample));
                        out.newLine();
                        sampleCount++;
                    }
                    processor.done(metered.messageId());
                } else if (outcome instanceof Outcome.Skipped skip) {
                    skipped++;
                    processor.done(skip.messageId());
                } else if (outcome instanceof Outcome.DeadLetter dead) {
                    deadLetters++;
                    reasons.merge(dead.reason(), 1L, Long::sum);
                }
            }
        } catch (IOException e) {
            err.println("replay: " + e.getMessage());
            throw e;
        }
        reasons.forEach((reason, count) -> err.printf("dead letter x%d: %s%n", count, reason));
        err.printf(
                "replay: %d messages, %d samples, %d skipped, %d dead letters%n",
                messages, sampleCount, skipped, deadLetters);
    }
}
