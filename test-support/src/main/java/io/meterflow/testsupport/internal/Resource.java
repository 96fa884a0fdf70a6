package io.meterflow.testsupport.internal;

/**
 * Something this extension started or took and must give back. Closing throws no checked
 * exception: JUnit closes these at the end of a class or run, where there is nobody to handle one.
 */
@FunctionalInterface
public interface Resource extends AutoCloseable {

    /** Does nothing: for servers this JVM did not start. */
    Resource NONE = () -> {};

    @Override
    void close();
}
