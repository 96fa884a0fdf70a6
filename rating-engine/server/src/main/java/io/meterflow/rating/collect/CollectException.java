package io.meterflow.rating.collect;

/** The usage of a scope and period could not be read; nothing of that period may be stored. */
public final class CollectException extends RuntimeException {

    public CollectException(String message, Throwable cause) {
        super(message, cause);
    }
}
