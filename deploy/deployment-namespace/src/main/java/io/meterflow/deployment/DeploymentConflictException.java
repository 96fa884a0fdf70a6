package io.meterflow.deployment;

/**
 * A service was about to use topics that belong to another deployment: its database and its
 * Kafka namespace disagree. Starting anyway would fold one deployment's measures into the other's
 * database, where they are unknown and lost.
 */
public final class DeploymentConflictException extends IllegalStateException {

    public DeploymentConflictException(String message) {
        super(message);
    }
}
