package io.meterflow.reports.render.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The labels of an invoice in the customer's language, from the {@code invoice_labels} bundle.
 * A language without its own file gets English, never the JVM's default locale: the server's
 * locale must not decide what a customer reads.
 */
public final class InvoiceLabels {

    static final String BUNDLE = "io.meterflow.reports.render.invoice_labels";

    private static final ResourceBundle.Control NO_JVM_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    public InvoiceLabels(Locale locale) {
        this.locale = locale;
        this.bundle =
                ResourceBundle.getBundle(BUNDLE, locale, InvoiceLabels.class.getClassLoader(), NO_JVM_LOCALE_FALLBACK);
    }

    /** The bundle itself, for the template's {@code $R{key}} expressions. */
    public ResourceBundle bundle() {
        return bundle;
    }

    public String text(String key) {
        return bundle.getString(key);
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
