package io.meterflow.testsupport.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's Maven modules, found on disk from any module's directory. */
final class ModuleLayout {

    private ModuleLayout() {}

    /** The nearest directory at or above the working directory that holds {@code mvnw}. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no project root (a directory with mvnw) above " + Path.of("").toAbsolutePath());
    }

    /** Every module directory below the root with Java sources of its own. */
    static List<Path> modulesWithCode(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .map(Path::getParent)
                    .filter(dir -> !dir.toString().contains("/target/")
                            && !dir.toString().contains("/.git/"))
                    .filter(dir -> Files.isDirectory(dir.resolve("src/main/java")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
