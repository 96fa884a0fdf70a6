package io.meterflow.deployment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One deployment's claim on a namespace in the registry topic.
 *
 * @param namespace the topics' namespace
 * @param deploymentId the id its database stores: the deployment the namespace's records belong to
 * @param description where the claim came from, for messages (host and database, never credentials)
 * @param registeredAt when it was first claimed
 */
public record Registration(DeploymentNamespace namespace, UUID deploymentId, String description, Instant registeredAt) {

    public Registration {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** The registry record's key: a claim per namespace and deployment, so a loser's claim can be withdrawn. */
    String key() {
        return namespace.value() + "/" + deploymentId;
    }

    /** For messages. */
    String describe() {
        return "deployment " + deploymentId + " (" + description + ", registered " + registeredAt + ")";
    }
}
