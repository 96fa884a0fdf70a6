package io.meterflow.reports.render;

/**
 * An invoice template that cannot be used: missing, unreadable or invalid JRXML, or a logo that
 * cannot be read. Thrown when the renderer is built, so a broken rebranding stops the service at
 * start-up instead of failing the first invoice of a billing run.
 */
public final class InvoiceTemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvoiceTemplateException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
