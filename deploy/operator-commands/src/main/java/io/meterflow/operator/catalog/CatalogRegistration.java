package io.meterflow.operator.catalog;

import io.meterflow.operator.keystone.KeystoneException;
import java.io.PrintStream;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts Meterflow's services and endpoints into Keystone's catalog, or takes them out, the same way
 * every time: a service is found by type and name before one is made, an endpoint by service,
 * region and interface, and an endpoint whose URL changed is updated in place. Running it again
 * changes nothing. A dry run reads what is there and says what it would change.
 */
public final class CatalogRegistration {

    private final KeystoneCatalog catalog;
    private final boolean dryRun;
    private final PrintStream out;

    CatalogRegistration(KeystoneCatalog catalog, boolean dryRun, PrintStream out) {
        this.catalog = catalog;
        this.dryRun = dryRun;
        this.out = out;
    }

    /** Registers each service's endpoints in the region, creating the region first if need be. */
    void register(String region, List<MeterflowService> services, Map<MeterflowService, Map<Interface, URI>> urls)
            throws KeystoneException {
        if (catalog.regionExists(region)) {
            out.println("region " + region + ": exists");
        } else {
            if (!dryRun) {
                catalog.createRegion(region);
            }
            out.println("region " + region + ": " + done("created"));
        }
        for (MeterflowService service : services) {
            Optional<KeystoneCatalog.Service> registered = service(service);
            for (Interface face : Interface.values()) {
                URI url = urls.get(service).get(face);
                String line = String.format("  %-8s %s  ", face.keystoneName(), url);
                if (registered.isEmpty()) {
                    out.println(line + done("created")); // the service itself exists only in a real run
                    continue;
                }
                out.println(line + endpoint(registered.get(), face, region, url));
            }
        }
    }

    private Optional<KeystoneCatalog.Service> service(MeterflowService service) throws KeystoneException {
        List<KeystoneCatalog.Service> found = catalog.services(service);
        if (!found.isEmpty()) {
            String more = found.size() > 1
                    ? " (" + found.size() + " services of this type and name; the first, "
                            + found.get(0).id() + ", is used)"
                    : "";
            out.println("service " + service + ": exists, id " + found.get(0).id() + more);
            return Optional.of(found.get(0));
        }
        if (dryRun) {
            out.println("service " + service + ": " + done("created"));
            return Optional.empty();
        }
        KeystoneCatalog.Service created = catalog.createService(service);
        out.println("service " + service + ": created, id " + created.id());
        return Optional.of(created);
    }

    /** Finds or makes the one endpoint of the interface; duplicates from earlier hands go. */
    private String endpoint(KeystoneCatalog.Service service, Interface face, String region, URI url)
            throws KeystoneException {
        List<KeystoneCatalog.Endpoint> existing = catalog.endpoints(service, region).stream()
                .filter(endpoint -> endpoint.interfaceName().equals(face.keystoneName()))
                .toList();
        String outcome;
        if (existing.isEmpty()) {
            if (!dryRun) {
                catalog.createEndpoint(service, face, region, url);
            }
            outcome = done("created");
        } else {
            KeystoneCatalog.Endpoint kept = existing.get(0);
            if (kept.url().equals(url.toString()) && kept.enabled()) {
                outcome = "unchanged";
            } else {
                if (!dryRun) {
                    catalog.updateEndpoint(kept, url);
                }
                outcome = kept.url().equals(url.toString())
                        ? done("enabled")
                        : done("updated") + " (was " + kept.url() + ")";
            }
            for (KeystoneCatalog.Endpoint duplicate : existing.subList(1, existing.size())) {
                if (!dryRun) {
                    catalog.deleteEndpoint(duplicate);
                }
                outcome += "; duplicate " + duplicate.id() + " " + done("deleted");
            }
        }
        return outcome;
    }

    /**
     * Deletes the services' endpoints in the region, then each service left without endpoints in
     * any region, then, if asked, the region once nothing else is registered in it.
     */
    void unregister(String region, List<MeterflowService> services, boolean deleteRegion) throws KeystoneException {
        for (MeterflowService service : services) {
            List<KeystoneCatalog.Service> found = catalog.services(service);
            if (found.isEmpty()) {
                out.println("service " + service + ": not registered");
            }
            for (KeystoneCatalog.Service registered : found) {
                List<KeystoneCatalog.Endpoint> all = catalog.endpoints(registered, null);
                List<KeystoneCatalog.Endpoint> here = all.stream()
                        .filter(endpoint -> endpoint.region().equals(region))
                        .toList();
                for (KeystoneCatalog.Endpoint endpoint : here) {
                    if (!dryRun) {
                        catalog.deleteEndpoint(endpoint);
                    }
                    out.println(
                            String.format("  %-8s %s  %s", endpoint.interfaceName(), endpoint.url(), done("deleted")));
                }
                int elsewhere = all.size() - here.size();
                if (elsewhere == 0) {
                    if (!dryRun) {
                        catalog.deleteService(registered);
                    }
                    out.println("service " + service + ", id " + registered.id() + ": " + done("deleted"));
                } else {
                    out.println("service " + service + ", id " + registered.id() + ": kept, " + elsewhere
                            + " endpoint(s) in other regions");
                }
            }
        }
        if (deleteRegion) {
            deleteRegion(region, services);
        }
    }

    private void deleteRegion(String region, List<MeterflowService> services) throws KeystoneException {
        if (!catalog.regionExists(region)) {
            out.println("region " + region + ": does not exist");
            return;
        }
        // In a dry run the services' endpoints are still there, but would be gone by now.
        Set<String> unregistered = new HashSet<>();
        if (dryRun) {
            for (MeterflowService service : services) {
                catalog.services(service).forEach(registered -> unregistered.add(registered.id()));
            }
        }
        long others = catalog.endpointsIn(region).stream()
                .filter(endpoint -> !unregistered.contains(endpoint.serviceId()))
                .count();
        if (others > 0) {
            out.println("region " + region + ": kept, " + others + " other endpoint(s) in it");
            return;
        }
        if (!dryRun) {
            catalog.deleteRegion(region);
        }
        out.println("region " + region + ": " + done("deleted"));
    }

    private String done(String verb) {
        return dryRun ? "would be " + verb : verb;
    }
}
