package io.meterflow.collector.polling;

/** A resource listed at the start of a cycle is gone by the time it is read (a deleted VM). */
public final class ResourceGoneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResourceGoneException(String resource, Throwable cause) {
        super("resource " + resource + " disappeared during the cycle", cause);
    }
}
