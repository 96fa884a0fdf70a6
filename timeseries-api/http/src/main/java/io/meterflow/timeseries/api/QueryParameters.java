package io.meterflow.timeseries.api;

import java.util.Locale;

/** Query parameter forms Gnocchi accepts. */
public final class QueryParameters {

    private QueryParameters() {}

    /** Python's strtobool: y/yes/t/true/on/1 and n/no/f/false/off/0, any case. */
    public static boolean parseBoolean(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "t", "true", "on", "1" -> true;
            case "n", "no", "f", "false", "off", "0" -> false;
            default ->
                throw ApiException.badRequest("Unable to parse `" + name + "': invalid truth value '" + value + "'");
        };
    }
}
