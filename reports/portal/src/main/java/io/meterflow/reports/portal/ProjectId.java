package io.meterflow.reports.portal;

import java.util.regex.Pattern;

/**
 * The project a tenant signed in as. Restricted to the characters Keystone ids and names use, so
 * that it can never smuggle a second value into a query: the rating API splits
 * {@code filters=project_id:A,project_id:B} on commas and colons, and a portal that passed such an
 * id through would show another project's costs.
 */
public record ProjectId(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,254}");

    public ProjectId {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a project id is 1 to 255 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
    }

    /** Whether {@code text} would make a valid project id. */
    public static boolean isValid(String text) {
        return text != null && ALLOWED.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
