package io.meterflow.testsupport.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh directory under the build's {@code target/} for an embedded server's data, so that
 * {@code mvn clean} removes whatever a killed test run left behind.
 */
public record ScratchDirectory(Path path) {

    public static ScratchDirectory create(String service) {
        Path path = Path.of("target", "real-services", service + "-" + UUID.randomUUID())
                .toAbsolutePath();
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create scratch directory " + path, e);
        }
        return new ScratchDirectory(path);
    }

    public void delete() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(path)) {
            entries.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::deleteOne);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete scratch directory " + path, e);
        }
    }

    private static void deleteOne(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + entry, e);
        }
    }
}
