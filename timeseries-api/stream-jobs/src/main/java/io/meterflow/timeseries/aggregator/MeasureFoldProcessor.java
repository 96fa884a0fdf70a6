package io.meterflow.timeseries.aggregator;

import io.meterflow.wire.DeadLetterHeaders;
import io.meterflow.wire.MalformedRecordException;
import io.meterflow.wire.MeasureRecord;
import io.meterflow.wire.MeasureRecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Hands each measures record's measures to its task's {@link PartitionFold}, which folds them
 * with the same {@code MetricAggregator} as the direct mode when Kafka Streams commits.
 * A record that is not a measures record goes to the dead-letter topic with the reason in its
 * headers, and the stream goes on.
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
    private ProcessorContext<byte[], byte[]> context;
    private PartitionFold fold;

    MeasureFoldProcessor(
            MeasureRecordCodec format,
            AggregatorMetrics counters,
            Duration commitInterval,
            Duration backlogCommitInterval,
            CommitPacer pacer) {
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
        if (!fold.shouldFold(source.offset())) {
            counters.replayed().mark();
            return;
        }
        MeasureRecord measures;
        try {
            measures = format.decode(record.value());
        } catch (MalformedRecordException malformed) {
            deadLetter(record, source, malformed.getMessage());
            fold.consumed(source.offset(), 0);
            return;
        }
        fold.add(measures, source.offset()); // deleted metrics are dropped at commit
    }

    private void deadLetter(Record<byte[], byte[]> record, RecordMetadata source, String reason) {
        Headers headers = record.headers();
        headers.add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(
                DeadLetterHeaders.SOURCE,
                DeadLetterHeaders.source(source.topic(), source.partition(), source.offset())
                        .getBytes(StandardCharsets.UTF_8));
        context.forward(record.withHeaders(headers), AggregatorTopology.DEAD_LETTERS);
        counters.deadLettered().mark();
    }
}
