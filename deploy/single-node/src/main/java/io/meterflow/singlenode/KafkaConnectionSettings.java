package io.meterflow.singlenode;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How a service reaches Kafka, the keys every service's Kafka section starts with: the configured
 * cluster, or the single-node broker on {@code 127.0.0.1:<embeddedPort>} that whichever service
 * starts first runs. A service's section extends this with its own topics and tuning, so the keys
 * and their defaults are written once and read the same everywhere.
 */
public abstract class KafkaConnectionSettings {

    /** The compacted topic where deployments claim their namespaces. */
    public static final String DEFAULT_DEPLOYMENTS_TOPIC = "meterflow.deployments";

    /** Bootstrap servers of the cluster to use; empty for the single-node broker. */
    @NotNull
    @JsonProperty
    private String bootstrapServers = "";

    @Min(1)
    @Max(65535)
    @JsonProperty
    private int embeddedPort = EmbeddedKafkaOptions.DEFAULT_BROKER_PORT;

    @Min(1)
    @Max(65535)
    @JsonProperty
    private int embeddedControllerPort = EmbeddedKafkaOptions.DEFAULT_CONTROLLER_PORT;

    /**
     * The namespace of this deployment's topics and consumer groups; empty: the one its database
     * gives (the time-series services), or the only one registered on the cluster (the collector).
     */
    @NotNull
    @JsonProperty
    private String deployment = "";

    @NotNull
    @JsonProperty
    private String deploymentsTopic = DEFAULT_DEPLOYMENTS_TOPIC;

    /** Bootstrap servers as configured; empty uses (or starts) the single-node broker. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The configured namespace, possibly empty. */
    public String deployment() {
        return deployment;
    }

    public String deploymentsTopic() {
        return deploymentsTopic;
    }

    /** Checked at start with the other keys, not when the broker would start. */
    @JsonIgnore
    @AssertTrue(message = "embeddedPort and embeddedControllerPort must differ")
    public boolean isEmbeddedPortsDistinct() {
        return embeddedPort != embeddedControllerPort;
    }

    /** The single-node broker's listeners, used only when {@link #bootstrapServers()} is empty. */
    public EmbeddedKafkaOptions embedded() {
        return EmbeddedKafkaOptions.persistent(embeddedPort, embeddedControllerPort);
    }
}
