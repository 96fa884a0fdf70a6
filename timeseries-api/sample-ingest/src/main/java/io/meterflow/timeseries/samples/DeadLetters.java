package io.meterflow.timeseries.samples;

import io.meterflow.timeseries.deadletter.DeadLetterBook;
import io.meterflow.timeseries.deadletter.DeadLetterLedger;
import io.meterflow.wire.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an input that cannot be stored to the dead-letter topic as received, with the headers every
 * dead letter carries ({@link DeadLetterHeaders}). It is
 * part of the task's Kafka transaction, with the consumed offset: never lost, never doubled; and
 * counted in the database's dead-letter ledger for {@code /v1/status}.
 */
final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final String sinkName;
    private final DeadLetterLedger.Kind kind;
    private final DeadLetterBook book;
    private final SampleIngestMetrics counters;

    DeadLetters(String sinkName, DeadLetterLedger.Kind kind, DeadLetterBook book, SampleIngestMetrics counters) {
        this.sinkName = sinkName;
        this.kind = kind;
        this.book = book;
        this.counters = counters;
    }

    void send(ProcessorContext<byte[], byte[]> context, Record<byte[], byte[]> record, String reason) {
        String source = context.recordMetadata()
                .map(metadata -> DeadLetterHeaders.source(metadata.topic(), metadata.partition(), metadata.offset()))
                .orElse("unknown");
        Headers headers = record.headers();
        headers.add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.SOURCE, source.getBytes(StandardCharsets.UTF_8));
        context.forward(record.withHeaders(headers), sinkName);
        // Counted before the transaction commits, once per source record: a replay finds it counted.
        context.recordMetadata()
                .ifPresent(metadata -> book.record(new DeadLetterLedger.Entry(
                        kind, metadata.topic(), metadata.partition(), metadata.offset(), null, 0, reason)));
        counters.deadLettered().mark();
        LOG.warn("Dead-lettered {}: {}", source, reason);
    }
}
