package io.meterflow.collector.polling;

/** The backend of a {@link ResourceSource} (libvirtd, an API) cannot be reached, even after reconnecting. */
public final class SourceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
