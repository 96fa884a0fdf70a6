package io.meterflow.deployment;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The part of every Kafka topic name and consumer group id that belongs to one deployment, so that
 * a staging and a production deployment (or two first tries on one laptop) sharing a Kafka cluster
 * never read each other's records. Topic {@code meterflow.measures} of deployment {@code staging}
 * is {@code staging.meterflow.measures}; the {@link #LEGACY} namespace adds nothing, so a database
 * that held metrics before namespaces existed keeps its topics' names.
 *
 * @param value empty (legacy), or dot-separated parts of letters, digits, '-' and '_'
 */
public record DeploymentNamespace(String value) {

    /** Topic names as they were before namespaces: for deployments that predate them. */
    public static final DeploymentNamespace LEGACY = new DeploymentNamespace("");

    /** What Kafka allows in a topic name, less the lone dots, and short enough to leave room for the names. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private static final int MAX_LENGTH = 120;

    public DeploymentNamespace {
        Objects.requireNonNull(value, "value");
        if (!value.isEmpty()
                && (value.length() > MAX_LENGTH || !VALID.matcher(value).matches())) {
            throw new IllegalArgumentException("Deployment namespace '" + value + "' is not valid: at most "
                    + MAX_LENGTH + " letters, digits, '-', '_' and single dots, as Kafka topic names allow");
        }
    }

    /** The namespace a new deployment gets when none is configured: {@code mf-} and 8 hex digits of its id. */
    public static DeploymentNamespace generatedFor(UUID deploymentId) {
        return new DeploymentNamespace(
                "mf-" + deploymentId.toString().substring(0, 8).toLowerCase(Locale.ROOT));
    }

    public boolean isLegacy() {
        return value.isEmpty();
    }

    /** The deployment's name for a topic or group configured as {@code base}. */
    public String name(String base) {
        return isLegacy() ? base : value + "." + base;
    }

    /** For messages: the namespace in quotes, or what the legacy one means. */
    public String describe() {
        return isLegacy() ? "the legacy (empty) namespace" : "namespace '" + value + "'";
    }

    @Override
    public String toString() {
        return value;
    }
}
