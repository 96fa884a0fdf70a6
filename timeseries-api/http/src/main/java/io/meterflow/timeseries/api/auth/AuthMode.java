package io.meterflow.timeseries.api.auth;

import java.util.Locale;

/** The authentication modes, named as Gnocchi's {@code api.auth_mode}. */
public enum AuthMode {
    BASIC,
    NOAUTH,
    KEYSTONE;

    public static AuthMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown auth mode '" + name + "': expected basic, noauth or keystone");
        }
    }
}
