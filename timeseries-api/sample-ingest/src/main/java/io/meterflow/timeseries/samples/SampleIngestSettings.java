package io.meterflow.timeseries.samples;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.meterflow.wire.Topics;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/**
 * The {@code sampleIngest} section: the step that turns the collector's samples and resource
 * events into resources, metrics and measures. It runs wherever the aggregator runs.
 */
public final class SampleIngestSettings {

    /** false: nothing reads the collector's topics here (another process does, or Ceilometer feeds the API). */
    @JsonProperty
    private boolean enabled = true;

    @NotBlank
    @JsonProperty
    private String applicationId = "meterflow-sample-ingest";

    /** The collector's topics (same environment variables as the collector's). */
    @NotBlank
    @JsonProperty
    private String samplesTopic = Topics.SAMPLES;

    @NotBlank
    @JsonProperty
    private String resourceEventsTopic = Topics.RESOURCE_EVENTS;

    /** Samples and events that cannot be read or stored, with the reason in a header. */
    @NotBlank
    @JsonProperty
    private String deadLetterTopic = Topics.SAMPLES_DEAD_LETTER;

    @Min(1)
    @Max(64)
    @JsonProperty
    private int threads = 1;

    /** How often the ingest commits (its measures become visible to the aggregator then). */
    @Min(10)
    @Max(60_000)
    @JsonProperty
    private int commitIntervalMs = 200;

    /** A meter-to-resource mapping file replacing the built-in one; empty: the built-in one. */
    @NotNull
    @JsonProperty
    private String mappingFile = "";

    /**
     * The creator recorded on the resources and metrics made from samples; it also seeds the
     * UUIDs of non-UUID resource ids, as Gnocchi's creator does.
     */
    @NotBlank
    @JsonProperty
    private String creator = "meterflow";

    /**
     * The archive policy of a new metric the mapping names none for; empty: the archive policy
     * rules decide, as Gnocchi does for a metric created without a policy.
     */
    @NotNull
    @JsonProperty
    private String archivePolicyDefault = "";

    /**
     * Ceilometer's {@code filter_project}, by id: samples of this project, and swift_account samples
     * of its account, are Gnocchi's own activity and skipped. Empty: no filter.
     */
    @NotNull
    @JsonProperty
    private String filterProjectId = "";

    /** Entries of each in-memory cache ((resource, meter) → metric id; resource → attributes hash). */
    @Min(1)
    @JsonProperty
    private int cacheSize = 100_000;

    /**
     * After this long a cached entry is checked against the database again, so that a metric or
     * resource deleted through the API is recreated by the next samples.
     */
    @Min(1_000)
    @JsonProperty
    private long cacheExpiryMs = 600_000;

    public boolean enabled() {
        return enabled;
    }

    public String applicationId() {
        return applicationId;
    }

    public String samplesTopic() {
        return samplesTopic;
    }

    public String resourceEventsTopic() {
        return resourceEventsTopic;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public int threads() {
        return threads;
    }

    public int commitIntervalMs() {
        return commitIntervalMs;
    }

    public Optional<String> mappingFile() {
        return mappingFile.isBlank() ? Optional.empty() : Optional.of(mappingFile.strip());
    }

    public String creator() {
        return creator;
    }

    public Optional<String> archivePolicyDefault() {
        return archivePolicyDefault.isBlank() ? Optional.empty() : Optional.of(archivePolicyDefault.strip());
    }

    public Optional<String> filterProjectId() {
        return filterProjectId.isBlank() ? Optional.empty() : Optional.of(filterProjectId.strip());
    }

    public int cacheSize() {
        return cacheSize;
    }

    public long cacheExpiryMs() {
        return cacheExpiryMs;
    }
}
