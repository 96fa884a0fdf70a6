package io.meterflow.timeseries.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answered to the client in Gnocchi's shape: {@code {"code", "title", "description"}},
 * where the description is a sentence or a {@code {cause, reason, detail}} object.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Object description;

    public ApiException(int status, Object description) {
        super(description == null ? String.valueOf(status) : description.toString());
        this.status = status;
        this.description = description;
    }

    public int status() {
        return status;
    }

    public Object description() {
        return description;
    }

    public static ApiException badRequest(Object description) {
        return new ApiException(400, description);
    }

    public static ApiException notFound(String description) {
        return new ApiException(404, description);
    }

    public static ApiException conflict(String description) {
        return new ApiException(409, description);
    }

    public static ApiException forbidden() {
        return new ApiException(403, "");
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "");
    }

    public static ApiException unsupportedMediaType() {
        return new ApiException(415, "");
    }

    /** A voluptuous-style validation failure: {@code {"cause": "Invalid input", ...}}. */
    public static ApiException invalidInput(String reason, List<?> path) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("cause", "Invalid input");
        detail.put("reason", reason);
        detail.put("detail", path);
        return new ApiException(400, detail);
    }

    /** A bad query argument: {@code {"cause": "Argument value error", ...}}. */
    public static ApiException argumentValueError(String argument, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("cause", "Argument value error");
        detail.put("detail", argument);
        detail.put("reason", reason);
        return new ApiException(400, detail);
    }
}
