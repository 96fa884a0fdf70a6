package io.meterflow.collector.meter.path;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens the way jsonpath-rw-ext's lexer does: identifiers may contain
 * {@code -} and {@code @} after the first character (so {@code a-b} is one field, {@code a - b} a
 * subtraction), quotes make an identifier, back quotes a named operator.
 */
final class Lexer {

    private final String text;
    private int at;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new Lexer(text).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpace();
            if (at >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", at));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = at;
        char c = text.charAt(at);
        if (c == '\'' || c == '"') {
            return new Token(Token.Kind.QUOTED, quoted(c), start);
        }
        if (c == '`') {
            int end = text.indexOf('`', at + 1);
            if (end < 0) {
                throw new PathSyntaxException(text, at, "unclosed back quote");
            }
            at = end + 1;
            return new Token(Token.Kind.NAMED, text.substring(start + 1, end), start);
        }
        if (Character.isDigit(c) || (c == '-' && startsFloat())) {
            return number(start);
        }
        if (isIdStart(c) || (c == '@' && at + 1 < text.length() && isIdStart(text.charAt(at + 1)))) {
            at++;
            while (at < text.length() && isIdPart(text.charAt(at))) {
                at++;
            }
            String word = text.substring(start, at);
            return switch (word) {
                case "where" -> new Token(Token.Kind.WHERE, word, start);
                case "true", "false" -> new Token(Token.Kind.BOOL, word, start);
                default -> new Token(Token.Kind.ID, word, start);
            };
        }
        if (text.startsWith("..", at)) {
            at += 2;
            return new Token(Token.Kind.PUNCT, "..", start);
        }
        if (c == '=' || c == '<' || c == '>' || c == '!' || c == '~') {
            return filterOperator(start);
        }
        if ("$.[]()*,|&+-/?@:".indexOf(c) >= 0) {
            at++;
            return new Token(Token.Kind.PUNCT, String.valueOf(c), start);
        }
        throw new PathSyntaxException(text, at, "unexpected character '" + c + "'");
    }

    private Token filterOperator(int start) {
        for (String op : new String[] {"==", "<=", ">=", "!=", "=", "<", ">", "~"}) {
            if (text.startsWith(op, at)) {
                at += op.length();
                return new Token(Token.Kind.FILTER_OP, op, start);
            }
        }
        throw new PathSyntaxException(text, at, "unexpected character '" + text.charAt(at) + "'");
    }

    private boolean startsFloat() {
        int i = at + 1;
        int digits = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        return digits > 0 && i < text.length() && text.charAt(i) == '.';
    }

    private Token number(int start) {
        if (text.charAt(at) == '-') {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at + 1 < text.length() && text.charAt(at) == '.' && Character.isDigit(text.charAt(at + 1))) {
            at++;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            return new Token(Token.Kind.FLOAT, text.substring(start, at), start);
        }
        return new Token(Token.Kind.NUMBER, text.substring(start, at), start);
    }

    private String quoted(char quote) {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length() && text.charAt(at) != quote) {
            if (text.charAt(at) == '\\' && at + 1 < text.length()) {
                at++;
            }
            value.append(text.charAt(at++));
        }
        if (at >= text.length()) {
            throw new PathSyntaxException(text, at, "unclosed quote");
        }
        at++;
        return value.toString();
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isIdStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '-';
    }
}
