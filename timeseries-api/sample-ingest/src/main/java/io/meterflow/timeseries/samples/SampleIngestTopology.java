package io.meterflow.timeseries.samples;

import io.meterflow.timeseries.deadletter.DeadLetterBook;
import io.meterflow.timeseries.deadletter.DeadLetterLedger;
import io.meterflow.timeseries.streams.ManagedStreams;
import io.meterflow.wire.MeasureRecordCodec;
import io.meterflow.wire.ResourceEventCodec;
import io.meterflow.wire.SampleCodec;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Two independent sub-topologies: samples → metric ids → measures topic (and dead letters), and
 * resource events → the index (and dead letters). Under {@code exactly_once_v2} the measures and
 * dead letters a task produces commit in one Kafka transaction with the offsets it consumed, so
 * a crash neither loses nor doubles a measure; the index writes it replays find done.
 */
public final class SampleIngestTopology {

    static final String SAMPLES = "samples";
    static final String RESOLVE = "resolve-samples";
    static final String MEASURES = "measures";
    static final String SAMPLE_DEAD_LETTERS = "sample-dead-letters";
    static final String EVENTS = "resource-events";
    static final String APPLY = "apply-resource-events";
    static final String EVENT_DEAD_LETTERS = "event-dead-letters";

    private SampleIngestTopology() {}

    /** What the processors need, built once by {@link SampleIngest}. */
    record Parts(
            SampleCodec samples,
            ResourceEventCodec events,
            EventTimes times,
            MeterMapping mapping,
            OwnActivityFilter ownActivity,
            SampleResolver resolver,
            ResourceEventApplier applier,
            SampleIngestMetrics counters,
            DeadLetterBook deadLetterBook) {}

    static Topology build(SampleTopicNames names, String measuresTopic, Parts parts) {
        MeasureRecordCodec measures = new MeasureRecordCodec();
        Topology topology = new Topology();
        topology.addSource(SAMPLES, new ByteArrayDeserializer(), new ByteArrayDeserializer(), names.samples());
        topology.addProcessor(
                RESOLVE,
                () -> new SampleProcessor(
                        parts.samples(),
                        parts.times(),
                        parts.mapping(),
                        parts.ownActivity(),
                        parts.resolver(),
                        measures,
                        MEASURES,
                        new DeadLetters(
                                SAMPLE_DEAD_LETTERS,
                                DeadLetterLedger.Kind.SAMPLE,
                                parts.deadLetterBook(),
                                parts.counters()),
                        parts.counters()),
                SAMPLES);
        topology.addSink(MEASURES, measuresTopic, new ByteArraySerializer(), new ByteArraySerializer(), RESOLVE);
        topology.addSink(
                SAMPLE_DEAD_LETTERS, names.deadLetter(), new ByteArraySerializer(), new ByteArraySerializer(), RESOLVE);

        topology.addSource(EVENTS, new ByteArrayDeserializer(), new ByteArrayDeserializer(), names.resourceEvents());
        topology.addProcessor(
                APPLY,
                () -> new ResourceEventProcessor(
                        parts.events(),
                        parts.applier(),
                        new DeadLetters(
                                EVENT_DEAD_LETTERS,
                                DeadLetterLedger.Kind.RESOURCE_EVENT,
                                parts.deadLetterBook(),
                                parts.counters()),
                        parts.counters()),
                EVENTS);
        topology.addSink(
                EVENT_DEAD_LETTERS, names.deadLetter(), new ByteArraySerializer(), new ByteArraySerializer(), APPLY);
        return topology;
    }

    static Properties streamsConfig(
            SampleIngestSettings settings, SampleTopicNames names, String bootstrapServers, String stateDirectory) {
        Properties config = ManagedStreams.exactlyOnceConfig(
                names.applicationId(),
                bootstrapServers,
                settings.threads(),
                settings.commitIntervalMs(),
                stateDirectory);
        // Many small measures records per commit: batch them on the way out.
        config.put(StreamsConfig.producerPrefix("linger.ms"), 5);
        config.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        return config;
    }
}
