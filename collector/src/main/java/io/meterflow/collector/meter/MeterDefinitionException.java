package io.meterflow.collector.meter;

import java.util.List;

/** Meter definitions that cannot be used; lists every problem found, not only the first. */
public final class MeterDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MeterDefinitionException(String source, List<String> problems) {
        super("meter definitions " + source + ": " + String.join("; ", problems));
    }
}
