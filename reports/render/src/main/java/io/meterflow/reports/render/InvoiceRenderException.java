package io.meterflow.reports.render;

/** One invoice could not be rendered; the message names its id and number. */
public final class InvoiceRenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvoiceRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
