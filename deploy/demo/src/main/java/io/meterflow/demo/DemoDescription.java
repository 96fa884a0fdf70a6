package io.meterflow.demo;

import io.meterflow.demo.pricing.DemoBilling;
import io.meterflow.demo.scenario.DemoCatalog;
import io.meterflow.demo.scenario.DemoProject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** The console text of the demo: who is in the simulated cloud and how to look at it. */
final class DemoDescription {

    private DemoDescription() {}

    static String of(DemoEndpoints endpoints, Instant historyStart, Optional<Path> libvirt) {
        StringBuilder text = new StringBuilder();
        text.append("Demo cloud: 5 projects, history since ")
                .append(historyStart)
                .append(" (UTC), live activity every few seconds.\n");
        text.append("Tenant portal: ")
                .append(endpoints.reports().resolve("/portal"))
                .append(" (sign in with the project id as user name, empty password)\n");
        for (DemoProject project : DemoCatalog.PROJECTS) {
            String account = DemoBilling.accounts().stream()
                    .filter(a -> a.projects().contains(project))
                    .map(DemoBilling.Account::id)
                    .findFirst()
                    .orElse("-");
            text.append("  %-18s %-14s %s  (billing account %s)%n"
                    .formatted(project.name(), project.key(), project.id(), account));
        }
        text.append("Operator (admin, empty password): time series ")
                .append(endpoints.timeseries())
                .append(", rating ")
                .append(endpoints.rating())
                .append(", invoices ")
                .append(endpoints.reports().resolve("/v1/invoices"))
                .append('\n');
        text.append(
                libvirt.map(lib -> "Hypervisor polling: libvirt's test driver (" + lib + "), every "
                                + DemoFiles.POLLING_INTERVAL_SECONDS + " s.\n")
                        .orElse(
                                "Hypervisor polling: off (libvirt0 is not installed; `apt-get install libvirt0` enables it).\n"));
        return text.toString();
    }
}
