package io.meterflow.collector.polling.compute;

/** A domain's XML that cannot be read as a Nova instance; the domain is skipped with this reason. */
public final class MalformedDomainXmlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedDomainXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
