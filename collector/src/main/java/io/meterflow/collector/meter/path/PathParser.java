package io.meterflow.collector.meter.path;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recursive descent over jsonpath-rw's operator precedence, loosest first: arithmetic
 * ({@code + -}, then {@code * /}, from jsonpath-rw-ext), {@code ..}, {@code .}, {@code |},
 * {@code where}. So {@code ctxt.user_id|ctxt.user} reads as {@code ctxt.(user_id|ctxt).user}, exactly
 * as Ceilometer reads it, and an operator's meters.yaml means here what it meant there.
 */
final class PathParser {

    private static final Pattern SPLIT = Pattern.compile("split\\((.+?),\\s*(-?\\d+),\\s*(-?\\d+)\\)");

    private final String expression;
    private final List<Token> tokens;
    private int at;

    PathParser(String expression) {
        this.expression = expression;
        this.tokens = Lexer.tokens(expression);
    }

    JsonPath parse() {
        JsonPath path = additive();
        if (peek().kind() != Token.Kind.END) {
            throw error("unexpected '" + peek().text() + "'");
        }
        return path;
    }

    private JsonPath additive() {
        JsonPath left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            char operator = next().text().charAt(0);
            left = new PathNodes.Arithmetic(asOperand(left), operator, asOperand(multiplicative()));
        }
        return left;
    }

    private JsonPath multiplicative() {
        JsonPath left = descendants();
        while (peek().is("*") || peek().is("/")) {
            char operator = next().text().charAt(0);
            left = new PathNodes.Arithmetic(asOperand(left), operator, asOperand(descendants()));
        }
        return left;
    }

    /** jsonpath-rw-ext: a lone field name next to an operator is a string, not a lookup. */
    private static JsonPath asOperand(JsonPath path) {
        if (path instanceof PathNodes.Fields fields
                && fields.names().size() == 1
                && !fields.names().get(0).equals("*")) {
            return new PathNodes.Literal(TextNode.valueOf(fields.names().get(0)));
        }
        return path;
    }

    private JsonPath descendants() {
        JsonPath left = child();
        while (peek().is("..")) {
            next();
            left = new PathNodes.Descendants(left, child());
        }
        return left;
    }

    private JsonPath child() {
        JsonPath left = union();
        while (peek().is(".")) {
            next();
            left = new PathNodes.Child(left, union());
        }
        return left;
    }

    private JsonPath union() {
        JsonPath left = where();
        while (peek().is("|")) {
            next();
            left = new PathNodes.Union(left, where());
        }
        if (peek().is("&")) {
            throw error("'&' (intersection) is not implemented by jsonpath-rw either");
        }
        return left;
    }

    private JsonPath where() {
        JsonPath left = postfix();
        while (peek().kind() == Token.Kind.WHERE) {
            next();
            left = new PathNodes.Where(left, postfix());
        }
        return left;
    }

    private JsonPath postfix() {
        JsonPath path = atom();
        while (peek().is("[")) {
            next();
            path = new PathNodes.Child(path, bracket());
        }
        return path;
    }

    private JsonPath atom() {
        Token token = next();
        switch (token.kind()) {
            case ID, QUOTED -> {
                List<String> names = new ArrayList<>(List.of(token.text()));
                while (peek().is(",")
                        && (peekAt(1).kind() == Token.Kind.ID || peekAt(1).kind() == Token.Kind.QUOTED)) {
                    next();
                    names.add(next().text());
                }
                return new PathNodes.Fields(names);
            }
            case NUMBER -> {
                return new PathNodes.Literal(LongNode.valueOf(Long.parseLong(token.text())));
            }
            case FLOAT -> {
                return new PathNodes.Literal(DoubleNode.valueOf(Double.parseDouble(token.text())));
            }
            case NAMED -> {
                return named(token);
            }
            case PUNCT -> {
                switch (token.text()) {
                    case "$":
                        return new PathNodes.Root();
                    case "@":
                        return new PathNodes.This();
                    case "*":
                        return new PathNodes.Fields(List.of("*"));
                    case "(": {
                        JsonPath inner = additive();
                        expect(")");
                        return inner;
                    }
                    case "[":
                        return bracket();
                    default:
                        break;
                }
                throw error("unexpected '" + token.text() + "'");
            }
            default -> throw error("unexpected " + (token.kind() == Token.Kind.END ? "end" : "'" + token.text() + "'"));
        }
    }

    private JsonPath named(Token token) {
        String name = token.text();
        if (name.equals("this")) {
            return new PathNodes.This();
        }
        if (name.equals("len")) {
            return new PathNodes.Len();
        }
        Matcher split = SPLIT.matcher(name);
        if (split.matches()) {
            return new PathNodes.Split(
                    split.group(1), Integer.parseInt(split.group(2)), Integer.parseInt(split.group(3)));
        }
        throw error("unknown named operator `" + name + "`");
    }

    /** After '[': an index, a slice, {@code *}, a quoted field or a {@code ?} filter, then ']'. */
    private JsonPath bracket() {
        JsonPath inside;
        if (peek().is("?")) {
            next();
            inside = new PathNodes.Filter(conditions());
        } else if (peek().is("*")) {
            next();
            inside = new PathNodes.Slice(null, null, null);
        } else if (peek().kind() == Token.Kind.QUOTED || peek().kind() == Token.Kind.ID) {
            inside = atom();
        } else {
            inside = indexOrSlice();
        }
        expect("]");
        return inside;
    }

    private JsonPath indexOrSlice() {
        Integer start = optionalInt();
        if (!peek().is(":")) {
            if (start == null) {
                throw error("expected an index");
            }
            return new PathNodes.Index(start);
        }
        next();
        Integer end = optionalInt();
        Integer step = null;
        if (peek().is(":")) {
            next();
            step = optionalInt();
        }
        return new PathNodes.Slice(start, end, step);
    }

    private Integer optionalInt() {
        if (peek().kind() == Token.Kind.NUMBER) {
            return Integer.parseInt(next().text());
        }
        if (peek().is("-") && peekAt(1).kind() == Token.Kind.NUMBER) {
            next();
            return -Integer.parseInt(next().text());
        }
        return null;
    }

    private List<Condition> conditions() {
        List<Condition> conditions = new ArrayList<>();
        do {
            if (peek().is("(")) {
                next();
                conditions.addAll(conditions());
                expect(")");
            } else {
                conditions.add(condition());
            }
        } while (peek().is("&") && next() != null);
        return conditions;
    }

    private Condition condition() {
        JsonPath target = multiplicative();
        if (peek().kind() != Token.Kind.FILTER_OP) {
            return new Condition(target, null, null, null);
        }
        String operator = next().text();
        Token value = next();
        Token.Kind kind = switch (value.kind()) {
            case ID, QUOTED -> Token.Kind.ID;
            case NUMBER, FLOAT, BOOL -> value.kind();
            default -> throw error("expected a value after '" + operator + "'");
        };
        return new Condition(target, operator, kind, value.text());
    }

    private void expect(String punctuation) {
        if (!peek().is(punctuation)) {
            throw error("expected '" + punctuation + "'");
        }
        next();
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(at);
        if (token.kind() != Token.Kind.END) {
            at++;
        }
        return token;
    }

    private PathSyntaxException error(String problem) {
        return new PathSyntaxException(expression, peek().position(), problem);
    }
}
