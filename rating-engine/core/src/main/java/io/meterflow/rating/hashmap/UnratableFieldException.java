package io.meterflow.rating.hashmap;

/**
 * A field with thresholds holds a value that is not a number, so no level can be compared with it.
 * CloudKitty's hashmap aborts the rating of the whole frame on it (a {@code decimal} error), and so
 * does Meterflow, with a message that names what to fix.
 */
public final class UnratableFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnratableFieldException(String service, String field, Object value) {
        super("Field " + field + " of service " + service + " has thresholds, but its value " + PythonText.str(value)
                + " is not a number");
    }
}
