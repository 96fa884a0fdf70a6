package io.meterflow.timeseries.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A validated resource search: Gnocchi's JSON query language as a tree. Operators are kept in
 * their canonical spelling ({@code =, !=, <, <=, >, >=, like, ilike, in}).
 */
public sealed interface SearchQuery {

    /** {@code {op: {field: value}}}; for {@code in}, {@code value} is an array. */
    record Comparison(String operator, String field, JsonNode value) implements SearchQuery {}

    record And(List<SearchQuery> operands) implements SearchQuery {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<SearchQuery> operands) implements SearchQuery {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(SearchQuery operand) implements SearchQuery {}
}
