package io.meterflow.timeseries.aggregator;

import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.storage.AggregateStore;
import io.meterflow.timeseries.storage.BufferSlices;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * Ties a task's {@link PartitionFold} to Kafka Streams' commit, so the aggregates reach
 * PostgreSQL before Kafka considers their records done. Nothing is logged to a changelog; the
 * database is this store's durable side.
 *
 * <p>The hook is {@link CachedStateStore#flushCache()}, an interface of Streams' internals: a
 * task flushes its stores' caches in {@code prepareCommit}, before the consumed offsets go into
 * the producer's transaction. {@link StateStore#commit} is no use here: Streams 4.4 calls it when
 * it checkpoints, after the offsets are committed, and not at all for a store without changelog
 * (measured: a million measures folded, their offsets committed, nothing written). Should an
 * upgrade change the order, {@link PartitionFold} notices records it never saw and says so.
 */
final class FoldStore implements StateStore, CachedStateStore<byte[], byte[]> {

    static final String NAME = "measure-fold";

    private final Transactions transactions;
    private final AggregateStore store;
    private final BufferSlices slices;
    private final AggregatorProgress progress;
    private final String topic;
    private final long cachedBytesBound;
    private final AggregatorMetrics counters;
    private final Aggregators aggregators;
    private final MetricLookup lookup;
    private final DeadLetterSink deadLetters;
    private PartitionFold fold;
    private boolean open;

    private FoldStore(
            Transactions transactions,
            AggregateStore store,
            BufferSlices slices,
            AggregatorProgress progress,
            String topic,
            long cachedBytesBound,
            AggregatorMetrics counters,
            Aggregators aggregators,
            MetricLookup lookup,
            DeadLetterSink deadLetters) {
        this.lookup = lookup;
        this.deadLetters = deadLetters;
        this.slices = slices;
        this.counters = counters;
        this.aggregators = aggregators;
        this.transactions = transactions;
        this.store = store;
        this.progress = progress;
        this.topic = topic;
        this.cachedBytesBound = cachedBytesBound;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        fold = new PartitionFold(
                transactions,
                store,
                slices,
                progress,
                topic,
                context.taskId().partition(),
                cachedBytesBound,
                counters,
                aggregators,
                lookup,
                deadLetters);
        context.register(root, (key, value) -> {
            // no changelog: nothing to restore
        });
        open = true;
    }

    PartitionFold fold() {
        return fold;
    }

    @Override
    public void flushCache() {
        fold.commit();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<byte[], byte[]> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public void clearCache() {
        // nothing cached for Streams; an unwritten batch is dropped on close, as its offsets are
    }

    /** A second chance after the offsets are committed; nothing is pending if flushCache ran. */
    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        fold.commit();
    }

    @Override
    public void close() {
        open = false; // an uncommitted batch is dropped: its records were not committed to Kafka either
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    static StoreBuilder<FoldStore> builder(
            Transactions transactions,
            AggregateStore store,
            BufferSlices slices,
            AggregatorProgress progress,
            String topic,
            long cachedBytesBound,
            AggregatorMetrics counters,
            MetricLookup lookup,
            DeadLetterSink deadLetters) {
        Aggregators aggregators = new Aggregators();
        return new StoreBuilder<>() {
            private Map<String, String> logConfig = Map.of();

            @Override
            public StoreBuilder<FoldStore> withCachingEnabled() {
                return this;
            }

            @Override
            public StoreBuilder<FoldStore> withCachingDisabled() {
                return this;
            }

            @Override
            public StoreBuilder<FoldStore> withLoggingEnabled(Map<String, String> config) {
                logConfig = config;
                return this;
            }

            @Override
            public StoreBuilder<FoldStore> withLoggingDisabled() {
                return this;
            }

            @Override
            public FoldStore build() {
                return new FoldStore(
                        transactions,
                        store,
                        slices,
                        progress,
                        topic,
                        cachedBytesBound,
                        counters,
                        aggregators,
                        lookup,
                        deadLetters);
            }

            @Override
            public Map<String, String> logConfig() {
                return logConfig;
            }

            @Override
            public boolean loggingEnabled() {
                return false;
            }

            @Override
            public String name() {
                return NAME;
            }
        };
    }
}
