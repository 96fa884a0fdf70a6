package io.meterflow.timeseries.aggregator;

import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The time-series API ({@code server}) run as its own JVM, taking writes only (the aggregator runs
 * elsewhere): what a test can kill -9 in the middle of a request. Output in {@code target/api-<name>.log}.
 */
final class ApiProcess implements AutoCloseable {

    private final Process process;
    private final URI baseUri;

    private ApiProcess(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    static ApiProcess start(String name, PostgresDatabase db, KafkaBroker kafka, String ingestName)
            throws IOException, InterruptedException {
        int port = SteadyWriter.freePort();
        Path log = Path.of("target", "api-" + name + ".log");
        ProcessBuilder builder = KafkaMode.process("server", db, kafka, ingestName, log, "-Xmx512m");
        Map<String, String> env = builder.environment();
        env.put("METERFLOW_AGGREGATOR_IN_PROCESS", "false");
        env.put("METERFLOW_SAMPLE_INGEST", "false");
        env.put("METERFLOW_WARMUP_ROUNDS", "0");
        env.put("METERFLOW_TIMESERIES_PORT", String.valueOf(port));
        ApiProcess api = new ApiProcess(builder.start(), URI.create("http://127.0.0.1:" + port));
        api.awaitHealthy(log);
        return api;
    }

    URI baseUri() {
        return baseUri;
    }

    /** SIGKILL: no shutdown hook, no transaction committed or aborted. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private void awaitHealthy(Path log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> health = http.send(
                        HttpRequest.newBuilder(baseUri.resolve("/healthcheck")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the API process did not start; see " + log);
    }
}
