package io.meterflow.collector.polling.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.NativeLibrary;
import io.meterflow.collector.polling.CycleReport;
import io.meterflow.collector.polling.MeterSelection;
import io.meterflow.collector.polling.PollingCycle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;

/**
 * A real libvirtd restarted between two cycles: the poller's connection dies with it, and the next
 * cycle reconnects and polls the same instances. Debian's libvirtd serves the test driver over its
 * socket ({@code test+unix:///node.xml?socket=...}) when no hypervisor driver module is loaded
 * (an empty {@code LIBVIRT_DRIVER_DIR}); it runs in a private mount namespace whose /run and
 * /etc/libvirt are scratch, so the machine keeps no state of it. Skipped where libvirtd, unshare
 * or the right to create a mount namespace (root) is missing.
 */
class LibvirtdRestartIT {

    @TempDir
    Path dir;

    @Test
    void theNextCycleAfterALibvirtdRestartReconnectsAndPollsTheSameInstances() throws Exception {
        Assumptions.assumeTrue(libvirtInstalled(), "libvirt0 (libvirt.so.0) is not installed");
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/sbin/libvirtd")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "libvirtd or unshare is not installed");
        Path node = dir.resolve("nova-node.xml");
        try (InputStream in = LibvirtdRestartIT.class.getResourceAsStream("/ceilometer/nova-node.xml")) {
            Files.copy(in, node);
        }
        Files.createDirectories(dir.resolve("drivers"));
        Files.createDirectories(dir.resolve("sock"));
        Files.writeString(
                dir.resolve("libvirtd.conf"),
                "unix_sock_dir = \"" + dir.resolve("sock") + "\"\nauth_unix_rw = \"none\"\nauth_unix_ro = \"none\"\n");
        Path socket = dir.resolve("sock").resolve("libvirt-sock");

        Process daemon = start(socket);
        Assumptions.assumeTrue(daemon != null, "libvirtd could not start in a private mount namespace here");
        try (Reconnecting<Connect> connection =
                LibvirtDomainSource.connect("test+unix://" + node.toAbsolutePath() + "?socket=" + socket)) {
            PollingCycle<?> cycle =
                    LibvirtDomainSource.cycle(connection, MeterSelection.all(), Clock.systemUTC(), "compute-1");
            CycleReport before = cycle.run();
            assertThat(before.samples()).isNotEmpty();
            assertThat(connection.opened()).isEqualTo(1);

            stop(daemon);
            daemon = start(socket);
            assertThat(daemon).as("libvirtd started again").isNotNull();

            CycleReport after = cycle.run();
            assertThat(keys(after)).isEqualTo(keys(before));
            assertThat(after.failed()).isZero();
            assertThat(connection.opened())
                    .as("a second connection, to the new daemon")
                    .isEqualTo(2);
        } finally {
            stop(daemon);
        }
    }

    /** The daemon, once its socket answers; null when it cannot run here. */
    private Process start(Path socket) throws IOException, InterruptedException {
        Files.deleteIfExists(socket);
        ProcessBuilder builder = new ProcessBuilder(
                        "/usr/bin/unshare",
                        "-m",
                        "--propagation",
                        "private",
                        "/bin/sh",
                        "-c",
                        // /etc/libvirt exists only where a package put configuration there
                        // (libvirt-clients, libvirt-daemon-system); .ci/run installs neither.
                        "mount -t tmpfs tmpfs /run && { [ ! -d /etc/libvirt ] || mount -t tmpfs tmpfs /etc/libvirt; }"
                                + " && exec /usr/sbin/libvirtd -f "
                                + dir.resolve("libvirtd.conf") + " -p " + dir.resolve("libvirtd.pid"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("libvirtd.log").toFile());
        // No hypervisor driver module: the daemon serves the test driver only (and needs no qemu user).
        builder.environment().put("LIBVIRT_DRIVER_DIR", dir.resolve("drivers").toString());
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return null;
            }
            if (Files.exists(socket)) {
                return process;
            }
            Thread.sleep(50);
        }
        stop(process);
        return null;
    }

    private static void stop(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static Set<String> keys(CycleReport report) {
        return report.samples().stream()
                .map(s -> s.name() + " " + s.resourceId())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static boolean libvirtInstalled() {
        try {
            NativeLibrary.getInstance("virt");
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
