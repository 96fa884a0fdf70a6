package io.meterflow.demo;

import io.meterflow.demo.hypervisor.LibvirtProbe;
import io.meterflow.demo.hypervisor.TestNodeXml;
import io.meterflow.demo.scenario.CloudScenario;
import io.meterflow.demo.scenario.CloudScenario.LiveInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files the services read for the demo (its metrics.yml, the libvirt test node) and the
 * environment that points them there. Written at every start from the code, so an upgrade of the
 * demo takes effect; nothing in them is state.
 */
final class DemoFiles {

    static final String METRICS_RESOURCE = "/io/meterflow/demo/demo-metrics.yml";
    static final int POLLING_INTERVAL_SECONDS = 10;

    private final Path directory;
    private final LibvirtProbe libvirt;

    DemoFiles(Path directory, LibvirtProbe libvirt) {
        this.directory = directory;
        this.libvirt = libvirt;
    }

    Map<String, String> serviceEnvironment(Instant historyStart, List<LiveInstance> instancesNow) {
        Map<String, String> environment = new LinkedHashMap<>();
        // Rating: from the history's first hour, each hour as soon as it has ended, passes every 5 s.
        environment.put("METERFLOW_RATING_FIRST_PERIOD", historyStart.toString());
        environment.put("METERFLOW_RATING_PERIOD", "3600");
        environment.put("METERFLOW_RATING_WAIT_PERIODS", "0");
        environment.put("METERFLOW_RATING_INTERVAL", "5");
        environment.put("METERFLOW_RATING_METRICS", writeMetrics().toString());
        // The demo computes its invoice periods in UTC; the reports service must agree.
        environment.put("METERFLOW_BILLING_TIME_ZONE", DemoCloud.BILLING_ZONE.getId());
        if (pollingLibrary().isPresent()) {
            environment.put("METERFLOW_POLLING", "alongside");
            environment.put("METERFLOW_POLLING_URI", "test://" + writeNode(steady(instancesNow)));
            environment.put("METERFLOW_POLLING_INTERVAL", Integer.toString(POLLING_INTERVAL_SECONDS));
            environment.put("METERFLOW_POLLING_JITTER", "2");
            environment.put("METERFLOW_POLLING_HOST", CloudScenario.POLLED_HOST);
        }
        return environment;
    }

    /** libvirt.so.0, when the collector can poll the test node. */
    Optional<Path> pollingLibrary() {
        return libvirt.library();
    }

    /** Instances that never go away and keep their flavor: the only ones a static node may hold. */
    private static List<LiveInstance> steady(List<LiveInstance> instances) {
        return instances.stream()
                .filter(i -> i.plan().schedule().every().isEmpty()
                        && i.plan().resizeEvery().isEmpty())
                .toList();
    }

    private Path writeMetrics() {
        try (InputStream in = DemoFiles.class.getResourceAsStream(METRICS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(METRICS_RESOURCE + " is missing from the demo's jar");
            }
            return write("metrics.yml", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo's metrics.yml: " + e.getMessage(), e);
        }
    }

    private Path writeNode(List<LiveInstance> instances) {
        return write("libvirt-node.xml", TestNodeXml.of(instances).getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) {
        Path file = directory.resolve(name);
        Path temporary = directory.resolve(name + ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
