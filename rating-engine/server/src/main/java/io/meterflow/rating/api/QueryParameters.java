package io.meterflow.rating.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudKitty v2's query parameter forms: repeated or comma-joined lists ({@code MultiQueryParam}),
 * {@code key:value} dictionaries ({@code DictQueryParam}), as python-cloudkittyclient sends them.
 */
public final class QueryParameters {

    private QueryParameters() {}

    /** Every value of a repeated parameter, each split on commas. */
    public static List<String> multi(List<String> values) {
        List<String> all = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",", -1)) {
                    all.add(part);
                }
            }
        }
        return all;
    }

    /** {@code key:value} pairs; with {@code unique}, a key given twice is refused. */
    public static Map<String, List<String>> dict(List<String> values, boolean unique) {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        for (String token : multi(values)) {
            String[] keyValue = token.split(":", -1);
            if (keyValue.length != 2) {
                throw CloudKittyError.badRequest("invalid key:value association " + token);
            }
            List<String> existing = pairs.computeIfAbsent(keyValue[0], k -> new ArrayList<>());
            if (unique && !existing.isEmpty()) {
                throw CloudKittyError.badRequest("key " + keyValue[0] + " already provided");
            }
            existing.add(keyValue[1]);
        }
        return pairs;
    }

    /** A parameter that may be given at most once. */
    public static String single(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() != 1) {
            throw CloudKittyError.badRequest("Invalid data: length of value must be 1 (path: '" + name + "')");
        }
        return values.get(0);
    }

    public static int nonNegative(String name, String value, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw CloudKittyError.badRequest("Invalid value for " + name + ": " + value);
        }
    }
}
