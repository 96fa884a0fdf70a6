package io.meterflow.testsupport.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;

/**
 * A fuzzing run on a fixed time budget: as many generated inputs as fit, each from a random of its
 * own derived from the run's seed, so that a failure names the seed and input number that replay it.
 * The budget is {@code METERFLOW_FUZZ_SECONDS} per target (a short default for {@code ./mvnw verify};
 * set it to hours by hand), the seed {@code METERFLOW_FUZZ_SEED} (random, and printed, when unset).
 * Each run appends its target, seed and number of inputs to {@code target/fuzz-report.txt}.
 */
public final class FuzzRun {

    /** What one run did. */
    public record Report(String target, long seed, long inputs, Duration took) {
        @Override
        public String toString() {
            return target + ": " + inputs + " inputs in " + took.toMillis() + " ms, seed " + seed;
        }
    }

    /** One input: generate it from {@code random}, apply it, throw on a bug. */
    @FunctionalInterface
    public interface Trial {
        void run(Random random) throws Exception;
    }

    private static final Duration DEFAULT_BUDGET = Duration.ofSeconds(20);

    private FuzzRun() {}

    public static Report run(String target, Trial trial) {
        return run(target, budget(DEFAULT_BUDGET), seed(), trial);
    }

    /** With a default budget of this target's own, for a suite of targets that share the default's time. */
    public static Report run(String target, Duration defaultBudget, Trial trial) {
        return run(target, budget(defaultBudget), seed(), trial);
    }

    public static Report run(String target, Duration budget, long seed, Trial trial) {
        long started = System.nanoTime();
        long inputs;
        inputs = loop(target, seed, started + budget.toNanos(), trial);
        Report report = new Report(target, seed, inputs, Duration.ofNanos(System.nanoTime() - started));
        record(report);
        return report;
    }

    private static long loop(String target, long seed, long deadline, Trial trial) {
        Random seeds = new Random(seed);
        long inputs = 0;
        while (System.nanoTime() < deadline) {
            long inputSeed = seeds.nextLong();
            inputs++;
            try {
                trial.run(new Random(inputSeed));
            } catch (Throwable failure) {
                throw new AssertionError(
                        target + " failed on input #" + inputs + " (replay: METERFLOW_FUZZ_SEED=" + seed + ")",
                        failure);
            }
        }
        return inputs;
    }

    private static Duration budget(Duration byDefault) {
        String seconds = System.getenv("METERFLOW_FUZZ_SECONDS");
        return seconds == null || seconds.isBlank() ? byDefault : Duration.ofSeconds(Long.parseLong(seconds.strip()));
    }

    private static long seed() {
        String seed = System.getenv("METERFLOW_FUZZ_SEED");
        return seed == null || seed.isBlank() ? new Random().nextLong() : Long.parseLong(seed.strip());
    }

    private static void record(Report report) {
        System.out.println("[fuzz] " + report);
        try {
            Path file = Path.of("target", "fuzz-report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    report + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
