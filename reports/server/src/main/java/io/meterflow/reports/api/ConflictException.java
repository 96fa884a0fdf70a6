package io.meterflow.reports.api;

import java.util.List;
import java.util.Map;

/**
 * A request the current state refuses with 409: an issued invoice, a period not fully rated. The
 * optional {@code missing} entries tell the caller what to wait for (a scope and how far it is rated).
 */
public class ConflictException extends RuntimeException {

    private final List<Map<String, String>> missing;

    public ConflictException(String message) {
        this(message, List.of());
    }

    public ConflictException(String message, List<Map<String, String>> missing) {
        super(message);
        this.missing = List.copyOf(missing);
    }

    public List<Map<String, String>> missing() {
        return missing;
    }
}
