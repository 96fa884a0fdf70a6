package io.meterflow.testsupport.internal;

/** Where a service comes from, in the order the extension tries them. */
public enum Source {
    /** A running server named by an environment variable. */
    EXTERNAL,
    /** A Testcontainers container, when a Docker engine answers. */
    CONTAINER,
    /** A server started inside this JVM (or as its child process). */
    EMBEDDED;

    public static Source choose(boolean configured, DockerProbe docker) {
        if (configured) {
            return EXTERNAL;
        }
        return docker.available() ? CONTAINER : EMBEDDED;
    }
}
