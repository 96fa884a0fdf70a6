package io.meterflow.policy;

import java.util.regex.Pattern;

/** How oslo.policy's Python reads a check's kind as a literal, and prints values to compare. */
final class PythonLiteral {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d*)?");

    private PythonLiteral() {}

    /**
     * {@code str(ast.literal_eval(kind))} when the kind is a literal: a quoted string, True,
     * False, None or a number; null when it names a credential.
     */
    static String text(String kind) {
        if (kind.length() >= 2
                && (kind.startsWith("'") && kind.endsWith("'") || kind.startsWith("\"") && kind.endsWith("\""))) {
            return kind.substring(1, kind.length() - 1);
        }
        if (kind.equals("True") || kind.equals("False") || kind.equals("None")) {
            return kind;
        }
        if (NUMBER.matcher(kind).matches()) {
            return kind.contains(".") ? String.valueOf(Double.parseDouble(kind)) : String.valueOf(Long.parseLong(kind));
        }
        return null;
    }

    /** Python's {@code str()} of a credential or target value. */
    static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        return value.toString();
    }
}
