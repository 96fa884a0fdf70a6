package io.meterflow.rating;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.meterflow.wire.Topics;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Where the collector publishes Keystone's project events (created, updated, deleted), read into
 * the project lifespans: a deleted project's scope is rated up to its deletion and then inactive.
 */
public final class ProjectEventsConfiguration {

    /** host:port,... of the Kafka the collector publishes to; empty: no project lifespans are read. */
    @NotNull
    @JsonProperty
    private String bootstrapServers = "";

    /**
     * The collector's {@code kafka.projectEventsTopic}, with its deployment namespace if it has one
     * ({@code staging.meterflow.project-events}).
     */
    @NotNull
    @Pattern(regexp = ".+", message = "must not be empty")
    @JsonProperty
    private String topic = Topics.PROJECT_EVENTS;

    /**
     * Where unreadable records go, unchanged, with the reason and where they were read in headers
     * ({@code x-meterflow-reason}, {@code x-meterflow-source}); with the deployment namespace if
     * there is one.
     */
    @NotNull
    @Pattern(regexp = ".+", message = "must not be empty")
    @JsonProperty
    private String deadLetterTopic = Topics.PROJECT_EVENTS_DEAD_LETTER;

    /** The consumer group; its committed offsets say which events are stored. */
    @NotNull
    @Pattern(regexp = ".+", message = "must not be empty")
    @JsonProperty
    private String groupId = "meterflow-rating-lifespans";

    public boolean enabled() {
        return !bootstrapServers.isBlank();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String topic() {
        return topic;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public String groupId() {
        return groupId;
    }
}
