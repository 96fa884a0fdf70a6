package io.meterflow.wire;

/**
 * The default names of Meterflow's Kafka topics (docs/wire-formats.md). Each service takes its
 * topic names from its configuration, whose defaults are these; a deployment that renames one
 * renames it for the producer and the consumer alike.
 */
public final class Topics {

    /** Samples the collector made, keyed by resource id; {@link SampleCodec}. */
    public static final String SAMPLES = "meterflow.samples";
    /** Resource lifecycle events, keyed by resource id; {@link ResourceEventCodec}. */
    public static final String RESOURCE_EVENTS = "meterflow.resource-events";
    /** Keystone projects' lifecycle steps, keyed by project id; {@link ProjectEventCodec}. */
    public static final String PROJECT_EVENTS = "meterflow.project-events";
    /** Project events the rating engine could not read, with the reason in a header. */
    public static final String PROJECT_EVENTS_DEAD_LETTER = "meterflow.project-events.dead-letter";
    /** Samples and resource events the sample ingest could not apply, with the reason in a header. */
    public static final String SAMPLES_DEAD_LETTER = "meterflow.samples.dead-letter";
    /** Measures the time-series API accepted, keyed by metric id; {@link MeasureRecordCodec}. */
    public static final String MEASURES = "meterflow.measures";
    /** Measures records the aggregator could not read, with the reason in a header. */
    public static final String MEASURES_DEAD_LETTER = "meterflow.measures.dead-letter";

    private Topics() {}
}
