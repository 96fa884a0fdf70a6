package io.meterflow.reports.portal.invoice;

import java.util.Arrays;
import java.util.Optional;

/** The renderings a tenant can download. */
public enum InvoiceFormat {
    PDF,
    CSV,
    JSON;

    /** {@code pdf}, {@code csv} or {@code json} as in a download URL. */
    public String extension() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<InvoiceFormat> ofExtension(String text) {
        return Arrays.stream(values()).filter(f -> f.extension().equals(text)).findFirst();
    }
}
