package io.meterflow.timeseries.samples;

import io.meterflow.wire.MalformedRecordException;
import io.meterflow.wire.ResourceEventCodec;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** A resource event → the index; a malformed or refused one to the dead-letter topic. */
final class ResourceEventProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private final ResourceEventCodec events;
    private final ResourceEventApplier applier;
    private final DeadLetters deadLetters;
    private final SampleIngestMetrics counters;
    private ProcessorContext<byte[], byte[]> context;

    ResourceEventProcessor(
            ResourceEventCodec events,
            ResourceEventApplier applier,
            DeadLetters deadLetters,
            SampleIngestMetrics counters) {
        this.events = events;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        counters.eventsReceived().mark();
        try {
            applier.apply(events.decode(record.value()));
        } catch (MalformedRecordException | MalformedInputException malformed) {
            deadLetters.send(context, record, malformed.getMessage());
        }
    }
}
