package io.meterflow.collector.notification;

import java.util.Locale;

/**
 * Which of Nova's two notification formats to meter. Nova with {@code notification_format=both}
 * sends every instance event twice: legacy on {@code notifications.*} and versioned on
 * {@code versioned_notifications.*}.
 */
public enum NovaFormat {
    /** Legacy only, as Ceilometer does; versioned notifications are dropped. */
    LEGACY,
    /** Versioned only; legacy {@code compute.instance.*} notifications are dropped. */
    VERSIONED,
    /**
     * Either, each event once: the first of a twin pair (same instance, event and notification
     * timestamp) is metered and the other dropped. Right for all three Nova settings.
     */
    BOTH;

    public static NovaFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("novaFormat must be legacy, versioned or both, not '" + text + "'", e);
        }
    }
}
