package io.meterflow.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.AmqpBroker;
import io.meterflow.testsupport.RealServices;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector started as {@code bin/meterflow collector} starts it (its own JVM, the packaged
 * configuration, environment variables only) with no {@code METERFLOW_KAFKA}: it runs the
 * single-node broker under {@code METERFLOW_DATA_DIR} and publishes every sample there.
 */
@RealServices
class SingleNodeKafkaCollectorIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void withoutMeterflowKafkaItPublishesToTheSingleNodeBrokerItStarts(AmqpBroker amqp, @TempDir Path data)
            throws Exception {
        List<String> lines = LiveCollector.goldenLines(200);
        LiveCollector.Expected expected = LiveCollector.expected(lines);
        int kafkaPort = freePort();
        int httpPort = freePort();
        Process collector = start(
                Map.of(
                        "METERFLOW_AMQP_URL", amqp.uri(),
                        "METERFLOW_AMQP_EXCHANGES", LiveCollector.exchanges(amqp),
                        "METERFLOW_AMQP_QUEUE_PREFIX", amqp.name("q."),
                        "METERFLOW_AMQP_DEAD_LETTER_QUEUE", amqp.name("dead-letter"),
                        "METERFLOW_DATA_DIR", data.toString(),
                        "METERFLOW_DEPLOYMENT", "single",
                        "METERFLOW_KAFKA_PORT", String.valueOf(kafkaPort),
                        "METERFLOW_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()),
                        "METERFLOW_COLLECTOR_PORT", String.valueOf(httpPort)),
                data.resolve("collector.log"));
        try {
            awaitHealthy(collector, httpPort, data.resolve("collector.log"));
            LiveCollector.publish(amqp, lines);
            List<String> ids = LiveCollector.sampleIds(
                    "127.0.0.1:" + kafkaPort,
                    "single.meterflow.samples",
                    "check",
                    expected.sampleIds().size(),
                    Duration.ofSeconds(120));
            assertThat(ids).containsExactlyInAnyOrderElementsOf(expected.sampleIds());
            assertThat(data.resolve("kafka/meta.properties")).isRegularFile();
        } finally {
            collector.destroy();
            if (!collector.waitFor(60, TimeUnit.SECONDS)) {
                collector.destroyForcibly().waitFor();
            }
        }
    }

    /** {@code java -cp <this test's class path> CollectorApplication server}, as bin/meterflow runs the jar. */
    private static Process start(Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                CollectorApplication.class.getName(),
                "server");
        builder.environment().remove("METERFLOW_KAFKA");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    private static void awaitHealthy(Process collector, int httpPort, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/admin/healthcheck"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!collector.isAlive()) {
                throw new AssertionError(
                        "the collector exited with " + collector.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(
                "the collector was not healthy within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
