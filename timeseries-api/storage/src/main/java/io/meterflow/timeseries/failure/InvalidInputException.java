package io.meterflow.timeseries.failure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request the domain cannot carry out as given. It says why either in a sentence ("Start
 * timestamp cannot be after end timestamp") or, where Gnocchi's clients read the parts, as a
 * structured explanation: a cause ("Invalid input", "Argument value error", "Named metric already
 * exists"), a reason and the detail that points at the offending input.
 */
public final class InvalidInputException extends TimeseriesFailure {

    private static final long serialVersionUID = 1L;

    /** Null for a sentence; otherwise the explanation's parts in the order clients show them. */
    private final transient Map<String, Object> structured;

    private InvalidInputException(String message, Map<String, Object> structured) {
        super(message);
        this.structured = structured;
    }

    /** A refusal explained in a sentence. */
    public static InvalidInputException because(String sentence) {
        return new InvalidInputException(sentence, null);
    }

    /** A field of the request is wrong: {@code path} leads to it ({@code ["definition", 0, "points"]}). */
    public static InvalidInputException field(String reason, List<?> path) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("cause", "Invalid input");
        parts.put("reason", reason);
        parts.put("detail", path);
        return new InvalidInputException(reason, parts);
    }

    /** A query argument's value is wrong. */
    public static InvalidInputException argument(String argument, String reason) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("cause", "Argument value error");
        parts.put("detail", argument);
        parts.put("reason", reason);
        return new InvalidInputException(argument + ": " + reason, parts);
    }

    /** Any other cause, with what it concerns and, if there is more to say, why (null if not). */
    public static InvalidInputException of(String cause, Object detail, String reason) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("cause", cause);
        parts.put("detail", detail);
        if (reason != null) {
            parts.put("reason", reason);
        }
        return new InvalidInputException(cause + ": " + detail, parts);
    }

    /**
     * An explanation whose parts are given as clients read them, in their order (Gnocchi's
     * {@code cause}, {@code reason}, {@code detail}, or only some of them).
     */
    public static InvalidInputException explained(Map<String, ?> parts) {
        StringBuilder message = new StringBuilder(String.valueOf(parts.get("cause")));
        if (parts.get("reason") != null) {
            message.append(": ").append(parts.get("reason"));
        }
        if (parts.get("detail") != null) {
            message.append(" (").append(parts.get("detail")).append(')');
        }
        return new InvalidInputException(message.toString(), new LinkedHashMap<>(parts));
    }

    /** The structured explanation, or empty if the message says it all. */
    public Optional<Map<String, Object>> structured() {
        return Optional.ofNullable(structured);
    }
}
