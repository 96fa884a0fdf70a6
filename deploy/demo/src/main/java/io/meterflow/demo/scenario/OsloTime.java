package io.meterflow.demo.scenario;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The time formats each OpenStack service writes, as captured from real notifications. */
final class OsloTime {

    private static final DateTimeFormatter OSLO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NOVA_CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CINDER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GLANCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AUDIT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private OsloTime() {}

    /** The envelope's {@code timestamp}: {@code 2024-01-15 10:00:14.301457}. */
    static String oslo(Instant time) {
        return OSLO.format(time);
    }

    /** Nova's {@code created_at}: {@code 2024-01-15 09:59:39+00:00}. */
    static String novaCreated(Instant time) {
        return NOVA_CREATED.format(time);
    }

    /** Nova's {@code launched_at}, {@code deleted_at}, and polled samples' timestamps. */
    static String isoMicros(Instant time) {
        return ISO_MICROS.format(time);
    }

    static String cinder(Instant time) {
        return CINDER.format(time);
    }

    static String glance(Instant time) {
        return GLANCE.format(time);
    }

    /** The audit period bounds of {@code *.exists}: {@code 2024-01-15 09:00:00}. */
    static String audit(Instant time) {
        return AUDIT.format(time);
    }
}
