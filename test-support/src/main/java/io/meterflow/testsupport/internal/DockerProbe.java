package io.meterflow.testsupport.internal;

import org.testcontainers.DockerClientFactory;

/**
 * Asks Testcontainers once whether a Docker engine answers. Without Docker the answer comes in about
 * 0.2 s, but each service would otherwise ask again and log the same errors again.
 */
public final class DockerProbe {

    private Boolean available;

    public synchronized boolean available() {
        if (available == null) {
            available = DockerClientFactory.instance().isDockerAvailable();
        }
        return available;
    }
}
