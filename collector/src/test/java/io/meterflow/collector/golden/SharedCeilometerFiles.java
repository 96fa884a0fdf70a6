package io.meterflow.collector.golden;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared Ceilometer reference files ({@code ../shared/ceilometer/} next to the project root),
 * read at test time, never copied into the repository. The project root is the nearest directory
 * above the working directory that holds {@code mvnw} and {@code collector/}, so this works from
 * the module directory (Maven), the root, or any worktree.
 */
final class SharedCeilometerFiles {

    private SharedCeilometerFiles() {
    }

    static Path directory() {
        Path root = projectRoot();
        Path shared = root.resolve("../shared/ceilometer").normalize();
        assumeTrue(Files.isRegularFile(shared.resolve("golden-input.jsonl")),
                "the shared Ceilometer golden files are not at " + shared + " (expected ../shared/ceilometer "
                        + "relative to the project root " + root + "); skipping");
        return shared;
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("collector"))) {
                return p;
            }
        }
        throw new IllegalStateException("no project root (a directory with mvnw and collector/) above " + dir);
    }
}
