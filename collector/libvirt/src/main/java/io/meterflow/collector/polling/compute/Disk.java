package io.meterflow.collector.polling.compute;

import java.util.Objects;

/** A disk of a domain that has a source, named by its target device ({@code vda}). */
public record Disk(String device) {

    public Disk {
        Objects.requireNonNull(device, "device");
    }
}
