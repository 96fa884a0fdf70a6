package io.meterflow.collector.polling.cli;

import io.meterflow.collector.polling.MeterSelection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code poll} command's arguments, checked all at once so one run reports every mistake.
 *
 * @param once one cycle, then exit
 * @param cycles with {@code once}, how many cycles to run back to back before exiting (default 1),
 *     as ceilo_poll_libvirt.py's {@code --rounds}; for benchmarks and counter checks
 * @param uri the libvirt URI (default {@code qemu:///system}, Ceilometer's default for KVM)
 * @param meters the meter selection (default every meter)
 * @param host the host name in metadata (default this machine's name)
 * @param interval between cycle starts without {@code --once} (default 300 s, polling.yaml's)
 * @param jitter the largest random delay of a cycle's start (default 0)
 * @param threads how many domains are read at once (default 2)
 */
public record PollOptions(
        boolean once,
        int cycles,
        boolean help,
        String uri,
        MeterSelection meters,
        String host,
        Duration interval,
        Duration jitter,
        int threads) {

    public static final String USAGE = """
            Usage: poll [--once [--cycles N]] [--uri URI] [--meters METER[,METER...]] [--host NAME]
                        [--interval SECONDS] [--jitter SECONDS] [--threads N] [--help]

            Polls the hypervisor's Nova instances through libvirt, as Ceilometer's compute agent,
            and prints the samples as JSON lines (Ceilometer's field names) on standard output.

              --once              one polling cycle, then exit (otherwise poll every --interval)
              --cycles N          with --once: N cycles back to back, then exit (default 1)
              --uri URI           libvirt URI (default qemu:///system; test:///abs/path.xml for the test driver)
              --meters LIST       meters or prefixes ending in * (default *: every meter), e.g. cpu,network.*
              --host NAME         compute host name for resource metadata (default: this machine's name)
              --interval SECONDS  time between cycle starts (default 300)
              --jitter SECONDS    random delay added to each cycle start, below the interval (default 0)
              --threads N         domains read at once (default 2)
              --help              this text
            """;

    public static PollOptions parse(String[] args, String defaultHost) {
        boolean once = false;
        boolean help = false;
        String uri = "qemu:///system";
        String meters = "*";
        String host = defaultHost;
        String interval = "300";
        String jitter = "0";
        String cycles = "1";
        String threads = "2";
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "poll" -> {
                    if (i != 0) {
                        errors.add("'poll' must come first");
                    }
                }
                case "--once" -> once = true;
                case "--help", "-h" -> help = true;
                case "--uri", "--meters", "--host", "--interval", "--jitter", "--cycles", "--threads" -> {
                    if (value == null || value.startsWith("--")) {
                        errors.add(arg + " needs a value");
                        continue;
                    }
                    i++;
                    switch (arg) {
                        case "--uri" -> uri = value;
                        case "--meters" -> meters = value;
                        case "--host" -> host = value;
                        case "--interval" -> interval = value;
                        case "--cycles" -> cycles = value;
                        case "--threads" -> threads = value;
                        default -> jitter = value;
                    }
                }
                default -> errors.add("unknown argument '" + arg + "'");
            }
        }
        MeterSelection selection = null;
        try {
            selection = MeterSelection.parse(meters);
        } catch (IllegalArgumentException e) {
            errors.add("--meters: " + e.getMessage());
        }
        Duration every = seconds("--interval", interval, errors);
        Duration spread = seconds("--jitter", jitter, errors);
        if (every != null && every.isZero()) {
            errors.add("--interval must be above 0");
        }
        if (every != null && spread != null && spread.compareTo(every) >= 0) {
            errors.add("--jitter must be below --interval");
        }
        int count = 0;
        try {
            count = Integer.parseInt(cycles);
        } catch (NumberFormatException e) {
            errors.add("--cycles must be a whole number, not " + cycles);
        }
        if (count < 1 && errors.stream().noneMatch(error -> error.startsWith("--cycles"))) {
            errors.add("--cycles must be at least 1");
        }
        if (!cycles.equals("1") && !once) {
            errors.add("--cycles needs --once");
        }
        int threadCount = 0;
        try {
            threadCount = Integer.parseInt(threads);
            if (threadCount < 1 || threadCount > 64) {
                errors.add("--threads must be between 1 and 64, not " + threads);
            }
        } catch (NumberFormatException e) {
            errors.add("--threads must be a whole number, not " + threads);
        }
        if (!errors.isEmpty() && !help) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return new PollOptions(once, count, help, uri, selection, host, every, spread, threadCount);
    }

    private static Duration seconds(String option, String text, List<String> errors) {
        try {
            double value = Double.parseDouble(text);
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                errors.add(option + " must be a number of seconds of at least 0, not " + text);
                return null;
            }
            return Duration.ofNanos((long) (value * 1e9));
        } catch (NumberFormatException e) {
            errors.add(option + " must be a number of seconds, not " + text);
            return null;
        }
    }
}
