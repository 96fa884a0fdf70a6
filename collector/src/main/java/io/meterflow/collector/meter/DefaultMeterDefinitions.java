package io.meterflow.collector.meter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where meter definitions come from: the built-in file, or the operator's files in the given order. */
public final class DefaultMeterDefinitions {

    public static final String BUILT_IN = "io/meterflow/collector/meter/meters.yaml";

    private DefaultMeterDefinitions() {}

    public static MeterDefinitionLoader.Source builtIn() {
        try (InputStream in = DefaultMeterDefinitions.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in meter definitions missing from the class path: " + BUILT_IN);
            }
            return new MeterDefinitionLoader.Source(
                    "built-in meters.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files named (a directory means its {@code *.yaml} files, sorted), or the built-in file when none. */
    public static List<MeterDefinitionLoader.Source> sources(List<Path> paths) throws IOException {
        if (paths.isEmpty()) {
            return List.of(builtIn());
        }
        List<MeterDefinitionLoader.Source> sources = new ArrayList<>();
        for (Path path : paths) {
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (var listing = Files.list(path)) {
                    files = listing.filter(p -> p.toString().endsWith(".yaml"))
                            .sorted()
                            .toList();
                }
            } else {
                files = List.of(path);
            }
            for (Path file : files) {
                sources.add(new MeterDefinitionLoader.Source(file.toString(), Files.readString(file)));
            }
        }
        return sources;
    }
}
