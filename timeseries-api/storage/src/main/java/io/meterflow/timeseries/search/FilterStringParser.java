package io.meterflow.timeseries.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.timeseries.failure.InvalidInputException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gnocchi's {@code ?filter=} syntax ({@code project_id = 'x' and not started_at < "2015-01-01"})
 * turned into the JSON query it stands for: {@code a op b} becomes {@code {op: {a: b}}},
 * {@code not} binds tighter than {@code and}, which binds tighter than {@code or}.
 */
public final class FilterStringParser {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /**
     * In Gnocchi's order: the first that matches wins, so {@code ==} is read as {@code =} and then
     * fails, as it does in Gnocchi's pyparsing grammar.
     */
    private static final List<String> OPERATORS = List.of(
            ">=", "<=", "!=", ">", "<", "=", "==", "eq", "ne", "lt", "gt", "ge", "le", "in", "like", "≠", "≥", "≤",
            "ilike");

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}(?![0-9a-zA-Z_])");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d*)?([eE][+-]?\\d+)?");

    private final String text;
    private int position;

    private FilterStringParser(String text) {
        this.text = text;
    }

    public static JsonNode parse(String filter) {
        FilterStringParser parser = new FilterStringParser(filter);
        JsonNode query = parser.or();
        parser.skipSpaces();
        if (parser.position < filter.length()) {
            throw parser.expected("end of text");
        }
        return query;
    }

    private JsonNode or() {
        return chain(this::and, "or", "∨");
    }

    private JsonNode and() {
        return chain(this::not, "and", "∧");
    }

    private JsonNode chain(java.util.function.Supplier<JsonNode> operand, String word, String symbol) {
        JsonNode first = operand.get();
        ArrayNode operands = null;
        String used = null;
        while (true) {
            String next = keyword(word) ? word : keyword(symbol) ? symbol : null;
            if (next == null) {
                break;
            }
            if (operands == null || !next.equals(used)) {
                ArrayNode list = JSON.arrayNode();
                list.add(operands == null ? first : wrap(used, operands));
                operands = list;
                used = next;
            }
            operands.add(operand.get());
        }
        return operands == null ? first : wrap(used, operands);
    }

    private static JsonNode wrap(String operator, ArrayNode operands) {
        ObjectNode node = JSON.objectNode();
        node.set(operator, operands);
        return node;
    }

    private JsonNode not() {
        if (keyword("not")) {
            ObjectNode node = JSON.objectNode();
            node.set("not", not());
            return node;
        }
        skipSpaces();
        if (peek('(')) {
            position++;
            JsonNode inner = or();
            skipSpaces();
            if (!peek(')')) {
                throw expected("\")\"");
            }
            position++;
            return inner;
        }
        JsonNode left = term();
        skipSpaces();
        String operator = OPERATORS.stream()
                .filter(op -> text.startsWith(op, position))
                .findFirst()
                .orElseThrow(() -> expected("Re:('" + String.join("|", OPERATORS) + "')"));
        position += operator.length();
        JsonNode right = term();
        ObjectNode comparison = JSON.objectNode();
        comparison.putObject(operator).set(left.asText(), right);
        return comparison;
    }

    private JsonNode term() {
        skipSpaces();
        if (position >= text.length()) {
            throw expected("a value");
        }
        char c = text.charAt(position);
        if (c == '"' || c == '\'') {
            int end = text.indexOf(c, position + 1);
            if (end < 0) {
                throw expected("quoted string, ending with " + c);
            }
            String value = text.substring(position + 1, end);
            position = end + 1;
            return JSON.textNode(value);
        }
        if (c == '[') {
            position++;
            ArrayNode items = JSON.arrayNode();
            skipSpaces();
            if (!peek(']')) {
                items.add(term());
                skipSpaces();
                while (peek(',')) {
                    position++;
                    items.add(term());
                    skipSpaces();
                }
            }
            if (!peek(']')) {
                throw expected("\"]\"");
            }
            position++;
            return items;
        }
        Matcher uuid = UUID.matcher(text).region(position, text.length());
        if (uuid.lookingAt()) {
            position = uuid.end();
            return JSON.textNode(uuid.group());
        }
        Matcher identifier = IDENTIFIER.matcher(text).region(position, text.length());
        if (identifier.lookingAt()) {
            position = identifier.end();
            return switch (identifier.group()) {
                case "None", "none", "null" -> JSON.nullNode();
                case "True", "true" -> JSON.booleanNode(true);
                case "False", "false" -> JSON.booleanNode(false);
                default -> JSON.textNode(identifier.group());
            };
        }
        Matcher number = NUMBER.matcher(text).region(position, text.length());
        if (number.lookingAt()) {
            position = number.end();
            return JSON.numberNode(Double.parseDouble(number.group()));
        }
        throw expected("a value");
    }

    private boolean keyword(String word) {
        skipSpaces();
        if (!text.startsWith(word, position)) {
            return false;
        }
        int end = position + word.length();
        if (Character.isLetter(word.charAt(0))
                && end < text.length()
                && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            return false;
        }
        position = end;
        return true;
    }

    private boolean peek(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private InvalidInputException expected(String what) {
        return InvalidInputException.because("Invalid filter: Expected " + what + ", found '"
                + (position < text.length() ? text.substring(position, Math.min(text.length(), position + 10)) : "")
                + "'  (at char " + position + "), (line:1, col:" + (position + 1) + ")");
    }
}
