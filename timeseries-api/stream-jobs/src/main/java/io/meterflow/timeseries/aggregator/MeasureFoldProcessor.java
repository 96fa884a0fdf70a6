package io.meterflow.timeseries.aggregator;

import io.meterflow.wire.MalformedRecordException;
import io.meterflow.wire.MeasureRecord;
import io.meterflow.wire.MeasureRecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Hands each measures record's measures to its task's {@link PartitionFold}, which folds them
 * with the same {@code MetricAggregator} as the direct mode when Kafka Streams commits.
 * A record that is not a measures record, and the measures of a metric the database does not
 * hold, go to the dead-letter topic with the reason in their headers ({@link DeadLetterSink}),
 * and the stream goes on.
 *
 * <p>Commits are adaptive. While the newest record folded is recent, the processor asks Kafka
 * Streams for a commit every short interval, so measures are readable a fraction of a second
 * after they were accepted. Behind a backlog it lets Streams commit on the long interval: every
 * commit rewrites the splits of each metric it touched, and bigger folds rewrite them less often.
 */
final class MeasureFoldProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private final MeasureRecordCodec format;
    private final AggregatorMetrics counters;
    private final Duration commitInterval;
    private final Duration backlogCommitInterval;
    private final CommitPacer pacer;
    private final GapReader gaps;
    private ProcessorContext<byte[], byte[]> context;
    private PartitionFold fold;

    MeasureFoldProcessor(
            MeasureRecordCodec format,
            AggregatorMetrics counters,
            Duration commitInterval,
            Duration backlogCommitInterval,
            CommitPacer pacer,
            GapReader gaps) {
        this.gaps = gaps;
        this.format = format;
        this.counters = counters;
        this.commitInterval = commitInterval;
        this.backlogCommitInterval = backlogCommitInterval;
        this.pacer = pacer;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.fold = context.<FoldStore>getStateStore(FoldStore.NAME).fold();
        if (commitInterval.compareTo(backlogCommitInterval) < 0) {
            context.schedule(commitInterval, PunctuationType.WALL_CLOCK_TIME, this::commitIfCaughtUp);
        }
    }

    /**
     * Asks for a commit when measures wait and every partition of this instance folds records
     * written less than the long interval ago: caught up, so latency is worth more than batching.
     */
    private void commitIfCaughtUp(long now) {
        if (fold.hasGathered() && pacer.caughtUp(now)) {
            context.commit();
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        pacer.processed(source.partition(), record.timestamp(), context.currentSystemTimeMs());
        OptionalLong unfolded = fold.unfoldedBefore(source.offset());
        if (unfolded.isPresent()) {
            List<ConsumerRecord<byte[], byte[]>> missed =
                    gaps.committedRecords(source.topic(), source.partition(), unfolded.getAsLong(), source.offset());
            for (ConsumerRecord<byte[], byte[]> earlier : missed) {
                foldRecord(earlier.key(), earlier.value(), earlier.offset());
            }
            fold.gapRead(unfolded.getAsLong(), source.offset(), missed.size());
        }
        if (!fold.shouldFold(source.offset())) {
            counters.replayed().mark();
            return;
        }
        foldRecord(record.key(), record.value(), source.offset());
    }

    private void foldRecord(byte[] key, byte[] value, long offset) {
        MeasureRecord measures;
        try {
            measures = format.decode(value);
        } catch (MalformedRecordException malformed) {
            fold.deadLetter(key, value, offset, metricIdIn(key), malformed.getMessage());
            return;
        }
        fold.add(measures, offset); // unknown metrics are dead-lettered at commit
    }

    /** The key of a measures record is its metric's id; an unreadable record's may be anything. */
    private static UUID metricIdIn(byte[] key) {
        if (key == null) {
            return null;
        }
        try {
            return UUID.fromString(new String(key, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
