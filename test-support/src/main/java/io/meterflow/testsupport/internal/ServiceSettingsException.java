package io.meterflow.testsupport.internal;

import java.util.List;

/** The environment names a service in a way the extension cannot use; lists every problem at once. */
public final class ServiceSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceSettingsException(List<String> problems) {
        super("Invalid test service settings:\n  - " + String.join("\n  - ", problems));
    }
}
