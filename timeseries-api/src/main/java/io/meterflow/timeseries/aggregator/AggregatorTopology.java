package io.meterflow.timeseries.aggregator;

import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.ingest.IngestSettings;
import io.meterflow.timeseries.ingest.MeasureRecordFormat;
import io.meterflow.timeseries.storage.AggregateStore;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The aggregator: measures topic → fold into each metric's archive policy → PostgreSQL, with
 * malformed records to the dead-letter topic. One task per partition, so scaling out is adding
 * partitions and instances.
 */
public final class AggregatorTopology {

    static final String SOURCE = "measures";
    static final String FOLD = "fold";
    static final String DEAD_LETTERS = "dead-letters";

    private AggregatorTopology() {
    }

    public static Topology build(IngestSettings settings, Transactions transactions, AggregateStore store,
            MetricLookup metrics, AggregatorMetrics counters) {
        MeasureRecordFormat format = new MeasureRecordFormat();
        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), settings.measuresTopic());
        CommitPacer pacer = new CommitPacer(settings.backlogCommitIntervalMs());
        topology.addProcessor(FOLD, () -> new MeasureFoldProcessor(format, metrics, counters,
                Duration.ofMillis(settings.commitIntervalMs()), Duration.ofMillis(settings.backlogCommitIntervalMs()),
                pacer), SOURCE);
        topology.addStateStore(FoldStore.builder(transactions, store, new AggregatorProgress(), settings.measuresTopic(),
                settings.cachedBufferPoints(), counters), FOLD);
        topology.addSink(DEAD_LETTERS, settings.deadLetterTopic(), new ByteArraySerializer(), new ByteArraySerializer(),
                FOLD);
        return topology;
    }

    public static Properties streamsConfig(IngestSettings settings, String bootstrapServers, String stateDirectory) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.aggregatorApplicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Exactly once for what Kafka holds (consumed offsets, dead letters); the database side is
        // made exactly once by aggregator_progress, written with the aggregates.
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.aggregatorThreads());
        // Streams commits on the long interval; the fold processor asks for a commit every short
        // interval while it keeps up (MeasureFoldProcessor.commitIfCaughtUp).
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.backlogCommitIntervalMs());
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory);
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        config.put(StreamsConfig.consumerPrefix("max.poll.records"), 2000);
        // A killed instance's partitions move to the others after this long, not the 45 s default.
        config.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
        config.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 2_000);
        return config;
    }
}
