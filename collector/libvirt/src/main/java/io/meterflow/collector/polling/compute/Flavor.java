package io.meterflow.collector.polling.compute;

import java.util.Objects;

/**
 * A flavor as Nova writes it into the domain's metadata. Nova's flavor id is not there; Ceilometer
 * asks the Nova API for it, and answers with the name when Nova does not know it: this module
 * never calls Nova, so {@code id} is the name.
 */
public record Flavor(String name, Integer vcpus, Integer ramMb, Integer diskGb, Integer ephemeralGb, Integer swapMb) {

    public Flavor {
        Objects.requireNonNull(name, "flavor name");
    }
}
