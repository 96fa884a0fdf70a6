package io.meterflow.reports.exports;

import java.util.List;

/**
 * A capacity export asked with bad input. Carries every problem found, each naming the parameter
 * as the HTTP query and the command line spell it, so a caller fixes the request in one round.
 */
public final class InvalidExportException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidExportException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public static InvalidExportException of(String parameter, String message) {
        return new InvalidExportException(List.of(new Problem(parameter, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid export has at least one problem");
        }
        return String.join("; ", problems.stream().map(Problem::toString).toList());
    }

    /**
     * One bad parameter.
     *
     * @param parameter the parameter's name, e.g. {@code granularity}
     * @param message   what is wrong with it, with the value given
     */
    public record Problem(String parameter, String message) {

        @Override
        public String toString() {
            return parameter + ": " + message;
        }
    }
}
