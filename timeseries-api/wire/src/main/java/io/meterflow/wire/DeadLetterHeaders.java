package io.meterflow.wire;

/**
 * The headers of a dead-lettered Kafka record: the record itself goes to the dead-letter topic
 * unchanged, and these say why and where it came from.
 */
public final class DeadLetterHeaders {

    /** Why the record could not be applied, in words. */
    public static final String REASON = "x-meterflow-reason";
    /** Where it was read: {@code topic-partition@offset}. */
    public static final String SOURCE = "x-meterflow-source";

    private DeadLetterHeaders() {}

    /** The {@link #SOURCE} header's text. */
    public static String source(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }
}
