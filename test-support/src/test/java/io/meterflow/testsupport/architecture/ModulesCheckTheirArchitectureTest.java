package io.meterflow.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs first in the build (test-support is the first module) and holds every module, today's and
 * those to come, to the architecture rules: a module with code must have an {@code ArchitectureTest}
 * that applies {@link MeterflowArchitecture}.
 */
class ModulesCheckTheirArchitectureTest {

    @Test
    void everyModuleWithCodeHasAnArchitectureTest() {
        Path root = ModuleLayout.projectRoot();
        List<Path> modules = ModuleLayout.modulesWithCode(root);

        assertThat(modules).isNotEmpty();
        assertThat(modules.stream()
                        .filter(module -> !appliesTheRules(module))
                        .map(root::relativize)
                        .toList())
                .as("modules without an ArchitectureTest that calls MeterflowArchitecture.check")
                .isEmpty();
    }

    private static boolean appliesTheRules(Path module) {
        if (module.endsWith(Path.of("deploy", "embedded-kafka")) || module.endsWith(Path.of("deploy", "single-node"))) {
            return true; // test-support depends on them, so its own ArchitectureTest checks them
        }
        Path tests = module.resolve("src/test/java");
        if (!Files.isDirectory(tests)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(tests)) {
            return files.filter(f -> f.getFileName().toString().equals("ArchitectureTest.java"))
                    .anyMatch(f -> {
                        try {
                            return Files.readString(f).contains("MeterflowArchitecture.check(");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
