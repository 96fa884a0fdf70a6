package io.meterflow.collector.polling;

import java.util.List;
import java.util.Optional;

/**
 * Where a {@link PollingCycle} finds its resources: a cheap listing first, then one load per
 * resource, so one resource that fails or vanishes costs only itself.
 *
 * @param <R> the loaded resource the pollsters read
 */
public interface ResourceSource<R> {

    /** The resources present now. May reconnect to its backend once before giving up. */
    List<Handle<R>> discover();

    /** One listed resource, not yet read. */
    interface Handle<R> {

        /** A name for logs. */
        String id();

        /**
         * Reads the resource; empty when it is not to be polled (shut off, not managed by Nova).
         *
         * @throws ResourceGoneException when it disappeared since {@link #discover()}
         */
        Optional<R> load();

        /** Frees what the listing held; called once, after {@link #load()} or instead of it. */
        default void release() {}
    }
}
