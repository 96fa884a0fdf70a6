package io.meterflow.singlenode;

import java.util.ServiceLoader;

/** Finds the embedded servers' starters on the class path, or says how to get them there. */
final class EmbeddedDefaults {

    private EmbeddedDefaults() {}

    static <T> T starter(Class<T> type, String what) {
        return ServiceLoader.load(type)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + what
                        + " is configured and this process cannot start one: the embedded defaults (" + type.getName()
                        + ") are not on its class path. Configure one, or start the service with bin/meterflow, which adds"
                        + " them when nothing is configured."));
    }
}
