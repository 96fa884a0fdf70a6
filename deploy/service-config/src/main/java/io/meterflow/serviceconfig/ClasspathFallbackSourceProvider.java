package io.meterflow.serviceconfig;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the configuration from a file when one exists at the path, else from the class path, so
 * the packaged defaults work without a file on disk.
 */
public final class ClasspathFallbackSourceProvider implements ConfigurationSourceProvider {

    @Override
    public InputStream open(String path) throws IOException {
        Path file = Path.of(path);
        if (Files.isRegularFile(file)) {
            return Files.newInputStream(file);
        }
        InputStream resource = getClass().getClassLoader().getResourceAsStream(path);
        if (resource == null) {
            throw new FileNotFoundException("no configuration file or class path resource " + path);
        }
        return resource;
    }
}
