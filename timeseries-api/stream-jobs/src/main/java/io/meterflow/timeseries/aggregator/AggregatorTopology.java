package io.meterflow.timeseries.aggregator;

import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.ingest.IngestSettings;
import io.meterflow.timeseries.ingest.MeasureTopicNames;
import io.meterflow.timeseries.storage.AggregateStore;
import io.meterflow.timeseries.storage.BufferSlices;
import io.meterflow.timeseries.streams.ManagedStreams;
import io.meterflow.wire.MeasureRecordCodec;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.Topology;

/**
 * The aggregator: measures topic → fold into each metric's archive policy → PostgreSQL, with
 * malformed records and unknown metrics' measures to the dead-letter topic ({@link DeadLetterSink}). One task per partition, so scaling out is adding
 * partitions and instances.
 */
public final class AggregatorTopology {

    static final String SOURCE = "measures";
    static final String FOLD = "fold";

    private AggregatorTopology() {}

    public static Topology build(
            IngestSettings settings,
            MeasureTopicNames names,
            Transactions transactions,
            AggregateStore store,
            BufferSlices slices,
            MetricLookup metrics,
            AggregatorMetrics counters,
            DeadLetterSink deadLetters,
            GapReader gaps) {
        MeasureRecordCodec format = new MeasureRecordCodec();
        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), names.measures());
        CommitPacer pacer = new CommitPacer(settings.backlogCommitIntervalMs());
        topology.addProcessor(
                FOLD,
                () -> new MeasureFoldProcessor(
                        format,
                        counters,
                        Duration.ofMillis(settings.commitIntervalMs()),
                        Duration.ofMillis(settings.backlogCommitIntervalMs()),
                        pacer,
                        gaps),
                SOURCE);
        topology.addStateStore(
                FoldStore.builder(
                        transactions,
                        store,
                        slices,
                        new AggregatorProgress(),
                        names.measures(),
                        settings.cachedBufferBytes(),
                        counters,
                        metrics,
                        deadLetters),
                FOLD);
        return topology;
    }

    public static Properties streamsConfig(
            IngestSettings settings, MeasureTopicNames names, String bootstrapServers, String stateDirectory) {
        // Exactly once for the consumed offsets; the database side is
        // made exactly once by aggregator_progress, written with the aggregates. Streams commits on
        // the long interval; the fold processor asks for a commit every short interval while it
        // keeps up (MeasureFoldProcessor.commitIfCaughtUp).
        return ManagedStreams.exactlyOnceConfig(
                names.aggregatorApplicationId(),
                bootstrapServers,
                settings.aggregatorThreads(),
                settings.backlogCommitIntervalMs(),
                stateDirectory);
    }
}
