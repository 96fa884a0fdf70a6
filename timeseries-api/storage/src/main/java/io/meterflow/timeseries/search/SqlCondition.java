package io.meterflow.timeseries.search;

import java.util.List;

/** A SQL boolean expression with its JDBC parameters, in order. */
public record SqlCondition(String sql, List<Object> parameters) {

    public static final SqlCondition TRUE = new SqlCondition("TRUE", List.of());

    public SqlCondition {
        parameters = List.copyOf(parameters);
    }
}
