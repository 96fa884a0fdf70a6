package io.meterflow.embeddedkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/** The broker's data directory: formatted once, then reused; deleted only for scratch brokers. */
final class KafkaStorage {

    private KafkaStorage() {}

    /** True if this directory was formatted before (its records must be kept, not formatted away). */
    static boolean isFormatted(Path logDir) {
        return Files.isRegularFile(logDir.resolve("meta.properties"));
    }

    /**
     * Writes meta.properties and the bootstrap snapshot, as {@code kafka-storage format} does, unless
     * the directory already has them. The tool itself is not called: it needs argparse4j 0.7, and
     * Dropwizard's 0.9 wins on a class path that has both.
     */
    static void formatIfNew(Path logDir) {
        if (isFormatted(logDir)) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setNodeId(BrokerProperties.NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(BrokerProperties.CONTROLLER)
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setWriteBootstrapSnapshot(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Formatting Kafka storage in " + logDir + " failed: " + output.toString(StandardCharsets.UTF_8), e);
        }
    }

    static void createDirectories(Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory " + logDir, e);
        }
    }

    static void delete(Path logDir) {
        if (!Files.exists(logDir)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(logDir)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the Kafka data directory " + logDir, e);
        }
    }
}
