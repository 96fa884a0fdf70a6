package io.meterflow.testsupport.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Starts a resource the first time it is asked for and closes it only if it was started; this is
 * what keeps a class that wants PostgreSQL from starting Kafka. A failed start is remembered, so a
 * broken service fails each later test at once instead of making each one wait for another try.
 */
public final class StartOnce<T extends Resource> implements Resource {

    private final Supplier<T> starter;
    private T resource;
    private Throwable failure;
    private boolean closed;

    public StartOnce(Supplier<T> starter) {
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    public synchronized T get() {
        if (closed) {
            throw new IllegalStateException("Already closed");
        }
        if (failure != null) {
            throw new IllegalStateException("Failed to start earlier in this run", failure);
        }
        if (resource == null) {
            try {
                resource = Objects.requireNonNull(starter.get(), "starter returned null");
            } catch (RuntimeException | Error e) {
                // Errors too: a missing class (a dependency conflict) is the likeliest way to fail here.
                failure = e;
                throw e;
            }
        }
        return resource;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (resource != null) {
            T started = resource;
            resource = null;
            started.close();
        }
    }

    /** Closes every resource, in the given order, even when one fails; the first failure is thrown. */
    public static void closeAll(List<? extends Resource> resources) {
        RuntimeException failure = null;
        for (Resource resource : resources) {
            try {
                resource.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
