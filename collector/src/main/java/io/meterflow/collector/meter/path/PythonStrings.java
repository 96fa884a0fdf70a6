package io.meterflow.collector.meter.path;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code str.split(sep, maxsplit)}, which named operators rely on. */
final class PythonStrings {

    private PythonStrings() {}

    static List<String> split(String value, String separator, int maxSplit) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (maxSplit < 0 || parts.size() < maxSplit) {
            int at = value.indexOf(separator, from);
            if (at < 0) {
                break;
            }
            parts.add(value.substring(from, at));
            from = at + separator.length();
        }
        parts.add(value.substring(from));
        return parts;
    }
}
