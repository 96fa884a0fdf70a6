package io.meterflow.collector.meter;

/**
 * Event-type patterns are Python regular expressions. Java reads nearly all of them the same; named
 * groups are spelt differently and are translated.
 */
final class PythonRegex {

    private PythonRegex() {}

    static String toJava(String python) {
        return python.replace("(?P<", "(?<");
    }
}
