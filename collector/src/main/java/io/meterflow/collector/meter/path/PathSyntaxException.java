package io.meterflow.collector.meter.path;

/** A JSONPath expression that does not parse; the message names the position. */
public final class PathSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PathSyntaxException(String expression, int position, String problem) {
        super("JSONPath '" + expression + "' at " + position + ": " + problem);
    }
}
