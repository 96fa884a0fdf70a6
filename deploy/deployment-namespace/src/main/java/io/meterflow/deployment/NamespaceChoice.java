package io.meterflow.deployment;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a service decides its namespace: the one configured, else the database's, else the registry's only one. */
public final class NamespaceChoice {

    private static final Logger LOG = LoggerFactory.getLogger(NamespaceChoice.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private NamespaceChoice() {}

    /**
     * For a service with a database: the configured namespace, or the one the database's
     * deployment id gives: legacy names for a database that held metrics before namespaces
     * existed, {@code mf-<8 hex digits of the id>} for any other.
     */
    public static DeploymentNamespace forDatabase(String configured, UUID deploymentId, boolean legacyTopics) {
        if (!configured.isBlank()) {
            return new DeploymentNamespace(configured.strip());
        }
        return legacyTopics ? DeploymentNamespace.LEGACY : DeploymentNamespace.generatedFor(deploymentId);
    }

    /**
     * For a service without a database (the collector): the configured namespace, or the only one
     * registered on the cluster, waiting up to {@code wait} for the first time-series service to
     * register; several registered, or none in time, is an error that says what to set.
     */
    public static DeploymentNamespace forServiceWithoutDatabase(
            String configured, DeploymentRegistry registry, Duration wait) {
        if (!configured.isBlank()) {
            return new DeploymentNamespace(configured.strip());
        }
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            List<Registration> registered = registry.registrations();
            if (registered.size() == 1) {
                return registered.get(0).namespace();
            }
            if (registered.size() > 1) {
                throw new DeploymentConflictException("Several deployments share this Kafka cluster ("
                        + registered.stream()
                                .map(r -> r.namespace().describe() + " of " + r.describe())
                                .collect(Collectors.joining("; "))
                        + "). Set METERFLOW_DEPLOYMENT to the namespace of the one this service feeds.");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No Meterflow deployment has registered in " + registry.topic()
                        + " within " + wait.toSeconds() + " s: start the time-series service first (it registers its "
                        + "namespace), or set METERFLOW_DEPLOYMENT.");
            }
            if (!told) {
                LOG.info(
                        "Waiting up to {} s for a time-series service to register its deployment in {}",
                        wait.toSeconds(),
                        registry.topic());
                told = true;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a deployment to register", e);
            }
        }
    }
}
