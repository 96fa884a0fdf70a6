package io.meterflow.rating.usage;

import java.util.List;

/** A metrics.yml that CloudKitty would refuse: every problem at once, each naming its key. */
public final class InvalidMetricsConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidMetricsConfigurationException(List<String> problems) {
        super("Invalid metrics configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
