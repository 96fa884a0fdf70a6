package io.meterflow.demo.hypervisor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether the collector can poll libvirt's test driver in this process: libvirt-java reaches
 * {@code libvirt.so.0} through JNA, and the {@code test:///} driver lives inside that library (no
 * daemon). Looking for the file is enough, and cheap: loading it here would tie the demo to JNA,
 * and a missing library must only switch polling off, never stop the demo.
 */
public final class LibvirtProbe {

    static final List<Path> LIBRARY_DIRECTORIES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"),
            Path.of("/lib/x86_64-linux-gnu"),
            Path.of("/lib/aarch64-linux-gnu"),
            Path.of("/usr/lib64"),
            Path.of("/usr/lib"));

    private final List<Path> directories;

    public LibvirtProbe() {
        this(LIBRARY_DIRECTORIES);
    }

    LibvirtProbe(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    /** Where libvirt.so.0 is, if it is installed. */
    public Optional<Path> library() {
        return directories.stream()
                .map(directory -> directory.resolve("libvirt.so.0"))
                .filter(Files::isReadable)
                .findFirst();
    }
}
