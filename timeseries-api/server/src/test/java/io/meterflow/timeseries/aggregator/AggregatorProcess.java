package io.meterflow.timeseries.aggregator;

import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code aggregator} run as its own JVM, as an operator scales it out: what a test can kill -9.
 * Its output goes to {@code target/aggregator-<name>.log}.
 */
final class AggregatorProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private AggregatorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static AggregatorProcess start(String name, PostgresDatabase db, KafkaBroker kafka, String ingestName)
            throws IOException {
        Path log = Path.of("target", "aggregator-" + name + ".log");
        ProcessBuilder builder =
                KafkaMode.process("aggregator", db, kafka, ingestName, log, "-Xmx384m", "-XX:TieredStopAtLevel=1");
        builder.environment().put("METERFLOW_AGGREGATOR_COMMIT_MS", "100");
        builder.environment().put("METERFLOW_AGGREGATOR_PORT", "0");
        return new AggregatorProcess(builder.start(), log);
    }

    /** SIGKILL: no shutdown hook, no last commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    File log() {
        return log.toFile();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
