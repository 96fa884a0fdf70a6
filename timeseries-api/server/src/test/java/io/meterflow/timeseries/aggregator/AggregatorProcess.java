package io.meterflow.timeseries.aggregator;

import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.timeseries.TimeseriesApplication;
import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                TimeseriesApplication.class.getName(),
                "aggregator");
        Map<String, String> env = builder.environment();
        env.put(
                "METERFLOW_DB_URL",
                db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user="
                        + URLEncoder.encode(db.user(), StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
        env.put("METERFLOW_DB_POOL_SIZE", "4");
        env.put("METERFLOW_INGEST_MODE", "kafka");
        env.put("METERFLOW_KAFKA", kafka.bootstrapServers());
        // The test's own deployment namespace: its topics and groups, the sample ingest's too.
        env.put("METERFLOW_DEPLOYMENT", KafkaMode.namespace(kafka, ingestName).value());
        env.put("METERFLOW_DEPLOYMENTS_TOPIC", KafkaMode.deploymentsTopic(kafka));
        env.put("METERFLOW_AGGREGATOR_COMMIT_MS", "100");
        env.put("METERFLOW_AGGREGATOR_PORT", "0");
        env.put("METERFLOW_DATA_DIR", KafkaMode.scratchDirectory());
        env.put("METERFLOW_LOG_LEVEL", "WARN");
        Path log = Path.of("target", "aggregator-" + name + ".log");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
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
