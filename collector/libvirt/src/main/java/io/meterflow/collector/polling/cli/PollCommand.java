package io.meterflow.collector.polling.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.collector.polling.CycleReport;
import io.meterflow.collector.polling.PollingCycle;
import io.meterflow.collector.polling.PollingLoop;
import io.meterflow.collector.polling.Scheduler;
import io.meterflow.collector.polling.libvirt.LibvirtDomainSource;
import io.meterflow.collector.polling.libvirt.Reconnecting;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import org.libvirt.Connect;

/**
 * {@code poll --once --uri URI [--meters a,b]}: one polling cycle's samples as JSON lines, in the
 * form the notification side's {@code replay} prints ({@link SampleLines}); no Kafka. Without {@code --once} it polls
 * every {@code --interval} until killed. A summary goes to standard error. Wiring only.
 */
public final class PollCommand {

    private PollCommand() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            // Before the first logger: samples own standard output, logs go to standard error.
            System.setProperty("logback.configurationFile", "io/meterflow/collector/polling/cli/logback-poll.xml");
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; the exit status: 0 done, 2 bad arguments, 1 polling failed. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        PollOptions options;
        try {
            options = PollOptions.parse(args, localHost());
        } catch (IllegalArgumentException e) {
            err.println("poll: " + e.getMessage());
            err.print(PollOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(PollOptions.USAGE);
            return 0;
        }
        SampleLines codec = new SampleLines(new ObjectMapper());
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ExecutorService readers = Executors.newFixedThreadPool(options.threads(), daemon("poll-reader"));
        try (Reconnecting<Connect> connection = LibvirtDomainSource.connect(options.uri())) {
            PollingCycle<?> cycle =
                    LibvirtDomainSource.cycle(connection, options.meters(), Clock.systemUTC(), options.host());
            // Connect before the first cycle, so a cycle's duration is polling alone, as in a long-running agent.
            connection.call("connecting", c -> c);
            if (options.once()) {
                for (int i = 0; i < options.cycles(); i++) {
                    print(cycle.run(readers), codec, writer, err);
                }
                return 0;
            }
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
            try {
                new PollingLoop(
                                () -> cycle.run(readers),
                                report -> print(report, codec, writer, err),
                                options.interval(),
                                options.jitter(),
                                Clock.systemUTC(),
                                Scheduler.of(executor),
                                bound -> ThreadLocalRandom.current().nextLong(bound))
                        .start();
                new CountDownLatch(1).await();
                return 0;
            } finally {
                executor.shutdownNow();
            }
        } catch (RuntimeException e) {
            err.println("poll: " + e.getMessage()
                    + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
            return 1;
        } finally {
            readers.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void print(CycleReport report, SampleLines lines, Writer out, PrintStream err) {
        try {
            lines.write(report.samples(), out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing samples failed", e);
        }
        err.printf(
                "poll: cycle %s at %s: %d samples, %d domains polled, %d skipped, %d gone, %d failed, in %.3f s%n",
                report.stamp().cycleId(),
                report.stamp().timestamp(),
                report.samples().size(),
                report.polled(),
                report.skipped(),
                report.gone(),
                report.failed(),
                report.duration().toNanos() / 1e9);
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
