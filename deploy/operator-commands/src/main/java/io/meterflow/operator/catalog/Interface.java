package io.meterflow.operator.catalog;

import java.util.Locale;

/** An endpoint's interface in Keystone's catalog: who reaches the service through it. */
public enum Interface {
    PUBLIC,
    INTERNAL,
    ADMIN;

    /** As Keystone and the command line spell it. */
    public String keystoneName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
