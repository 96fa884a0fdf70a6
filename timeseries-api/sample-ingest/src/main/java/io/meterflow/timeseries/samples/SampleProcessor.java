package io.meterflow.timeseries.samples;

import com.codahale.metrics.Timer;
import io.meterflow.wire.MalformedRecordException;
import io.meterflow.wire.MeasureRecord;
import io.meterflow.wire.MeasureRecordCodec;
import io.meterflow.wire.Sample;
import io.meterflow.wire.SampleCodec;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sample → its metric (created if need be) → one measures record keyed by the metric id, which
 * the aggregator folds like the API's. Unmapped meters are dropped and counted, as the publisher
 * drops meters Gnocchi does not handle; samples of the store's own activity are skipped; a
 * malformed sample goes to the dead-letter topic and the stream goes on.
 *
 * <p>One record per sample: gathering a metric's samples of a poll would need a flush that can
 * forward right before Kafka Streams commits, which it does not offer (a punctuation may come
 * after the commit, and what it had not forwarded would be lost with a crash).
 */
final class SampleProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(SampleProcessor.class);

    private final SampleCodec samples;
    private final EventTimes times;
    private final MeterMapping mapping;
    private final OwnActivityFilter ownActivity;
    private final SampleResolver resolver;
    private final MeasureRecordCodec measures;
    private final String measuresSink;
    private final DeadLetters deadLetters;
    private final SampleIngestMetrics counters;
    /** Meters already warned about by this task (bounded: names come from the input). */
    private final Set<String> loggedUnmapped = new HashSet<>();

    private ProcessorContext<byte[], byte[]> context;

    SampleProcessor(
            SampleCodec samples,
            EventTimes times,
            MeterMapping mapping,
            OwnActivityFilter ownActivity,
            SampleResolver resolver,
            MeasureRecordCodec measures,
            String measuresSink,
            DeadLetters deadLetters,
            SampleIngestMetrics counters) {
        this.samples = samples;
        this.times = times;
        this.mapping = mapping;
        this.ownActivity = ownActivity;
        this.resolver = resolver;
        this.measures = measures;
        this.measuresSink = measuresSink;
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        counters.samplesReceived().mark();
        try {
            Sample sample = samples.decode(record.value());
            long eventTime = times.nanos("sample timestamp", sample.timestamp());
            Optional<MappedMeter> meter = mapping.find(sample.name());
            if (meter.isEmpty()) {
                counters.samplesUnmapped().mark();
                if (loggedUnmapped.size() < 1000 && loggedUnmapped.add(sample.name())) {
                    LOG.warn(
                            "Meter {} has no resource type in the sample mapping; its samples are dropped",
                            sample.name());
                }
                return;
            }
            if (ownActivity.isOwnActivity(sample, meter.get())) {
                counters.samplesOwnActivity().mark();
                return;
            }
            UUID metricId;
            try (Timer.Context timed = counters.resolve().time()) {
                metricId = resolver.metricId(sample, meter.get());
            }
            byte[] value = measures.encode(new MeasureRecord(metricId, new long[] {eventTime}, new double[] {
                sample.volume().doubleValue()
            }));
            context.forward(
                    new Record<>(metricId.toString().getBytes(StandardCharsets.UTF_8), value, record.timestamp()),
                    measuresSink);
            counters.measuresProduced().mark();
        } catch (MalformedRecordException | MalformedInputException malformed) {
            deadLetters.send(context, record, malformed.getMessage());
        }
    }
}
