package io.meterflow.timeseries.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.meterflow.singlenode.KafkaConnectionSettings;
import io.meterflow.wire.Topics;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** How measures reach the aggregates: the {@code ingest} section of meterflow-timeseries.yml. */
public final class IngestSettings extends KafkaConnectionSettings {

    /**
     * {@code kafka}: the API appends measures to Kafka and the aggregator folds them;
     * {@code direct}: the API folds them into PostgreSQL within the request.
     */
    @NotNull
    @Pattern(regexp = "direct|kafka", message = "must be direct or kafka")
    @JsonProperty
    private String mode = "kafka";

    @NotNull
    @JsonProperty
    private String measuresTopic = Topics.MEASURES;

    @NotNull
    @JsonProperty
    private String deadLetterTopic = Topics.MEASURES_DEAD_LETTER;

    /** Partitions of the measures topic when this service creates it: the most aggregator tasks. */
    @Min(1)
    @Max(1024)
    @JsonProperty
    private int partitions = 8;

    /** Whether the aggregator runs inside the API process (single node) or as its own processes. */
    @JsonProperty
    private boolean aggregatorInProcess = true;

    @NotNull
    @JsonProperty
    private String aggregatorApplicationId = "meterflow-aggregator";

    /**
     * Stream threads per aggregator process. Two by default: a fold thread spends most of its
     * time waiting on PostgreSQL (in the soak's profile it ran Java code for about a seventh of
     * its wall time), so a second thread folds other partitions meanwhile. In the 10-minute soak
     * (docs/ingestion.md) the lag after the first minute was 2.2-5.05 s with one, 0.0-3.8 s with two.
     */
    @Min(1)
    @Max(64)
    @JsonProperty
    private int aggregatorThreads = 2;

    /**
     * How often the aggregator commits, i.e. writes its aggregates, while it keeps up with the
     * measures: the floor of end-to-end latency.
     */
    @Min(10)
    @Max(60_000)
    @JsonProperty
    private int commitIntervalMs = 200;

    /**
     * How often it commits while it works through a backlog (the newest record it folded is
     * older than this): each commit rewrites the splits of every metric it touched, so larger
     * folds rewrite them fewer times. Measured on the bulk benchmark (10,000 metrics): 237k
     * measures/s end to end at 1 s, 330k at 2 s.
     */
    @Min(10)
    @Max(60_000)
    @JsonProperty
    private int backlogCommitIntervalMs = 2_000;

    /**
     * Bytes of metric buffers (open buckets and recent raw points, or whole buffers) each aggregator
     * task keeps in memory between commits; bounded so that the heap stays flat however many metrics
     * a task folds. 0: a quarter of the heap, shared out over the partitions ({@link #cachedBufferBytes()}).
     */
    @Min(0)
    @JsonProperty
    private long cachedBufferBytes = 0;

    /** How long the API waits for Kafka to acknowledge a request's measures before answering 503. */
    @Min(100)
    @JsonProperty
    private int acknowledgeTimeoutMs = 30_000;

    /** How long a read with {@code refresh=true} waits for the metric's measures to be aggregated. */
    @Min(0)
    @JsonProperty
    private int refreshTimeoutMs = 30_000;

    public boolean kafka() {
        return "kafka".equals(mode);
    }

    public String measuresTopic() {
        return measuresTopic;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public int partitions() {
        return partitions;
    }

    public boolean aggregatorInProcess() {
        return aggregatorInProcess;
    }

    public String aggregatorApplicationId() {
        return aggregatorApplicationId;
    }

    public int aggregatorThreads() {
        return aggregatorThreads;
    }

    public int commitIntervalMs() {
        return commitIntervalMs;
    }

    public int backlogCommitIntervalMs() {
        return Math.max(backlogCommitIntervalMs, commitIntervalMs);
    }

    /**
     * The configured bound, or a quarter of the heap over the configured partitions (a task per
     * partition), at least 8 MiB: 32 MiB per task at -Xmx1g, as the fixed default was. What a
     * metric needs depends on its policy: an open-bucket entry takes about 1.5 kB, but a policy
     * with std, percentiles or rates keeps the metric's whole buffer, up to 57 kB an hour at one
     * measure a second, so a fixed 32 MiB held about 600 such metrics per task however large the
     * heap, and every other fold read its buffer back from PostgreSQL.
     */
    public long cachedBufferBytes() {
        if (cachedBufferBytes > 0) {
            return cachedBufferBytes;
        }
        return Math.max(8L << 20, Runtime.getRuntime().maxMemory() / 4 / partitions); // partitions >= 1, validated
    }

    public int acknowledgeTimeoutMs() {
        return acknowledgeTimeoutMs;
    }

    public int refreshTimeoutMs() {
        return refreshTimeoutMs;
    }
}
