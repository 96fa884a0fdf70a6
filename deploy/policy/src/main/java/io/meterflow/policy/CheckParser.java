package io.meterflow.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses oslo.policy's check strings: checks ({@code role:admin}, {@code rule:owner},
 * {@code project_id:%(project_id)s}, {@code @}, {@code !}) joined by {@code and}, {@code or} and
 * {@code not} with parentheses; {@code not} binds tightest, then {@code and}, then {@code or}.
 * The empty string always passes. Unlike oslo.policy, which logs a malformed rule and denies
 * everything it guards, a malformed string is refused, so an operator learns of it at start.
 */
final class CheckParser {

    private final List<String> tokens;
    private int next;

    private CheckParser(List<String> tokens) {
        this.tokens = tokens;
    }

    static Check parse(String text) {
        List<String> tokens = tokenize(text);
        if (tokens.isEmpty()) {
            return new Check.Constant(true);
        }
        CheckParser parser = new CheckParser(tokens);
        Check check = parser.or();
        if (parser.next < tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + tokens.get(parser.next) + "' in '" + text + "'");
        }
        return check;
    }

    private Check or() {
        List<Check> checks = new ArrayList<>(List.of(and()));
        while (accept("or")) {
            checks.add(and());
        }
        return checks.size() == 1 ? checks.get(0) : new Check.Or(List.copyOf(checks));
    }

    private Check and() {
        List<Check> checks = new ArrayList<>(List.of(unary()));
        while (accept("and")) {
            checks.add(unary());
        }
        return checks.size() == 1 ? checks.get(0) : new Check.And(List.copyOf(checks));
    }

    private Check unary() {
        if (accept("not")) {
            return new Check.Not(unary());
        }
        if (accept("(")) {
            Check inner = or();
            if (!accept(")")) {
                throw new IllegalArgumentException("missing ')'");
            }
            return inner;
        }
        if (next >= tokens.size()) {
            throw new IllegalArgumentException("a check is missing at the end");
        }
        String token = tokens.get(next++);
        if (isKeyword(token) || token.equals(")")) {
            throw new IllegalArgumentException("a check is missing before '" + token + "'");
        }
        return check(token);
    }

    private static Check check(String token) {
        if (token.equals("@")) {
            return new Check.Constant(true);
        }
        if (token.equals("!")) {
            return new Check.Constant(false);
        }
        int colon = token.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + token + "' is not a check (kind:match, @ or !)");
        }
        String kind = token.substring(0, colon);
        String match = token.substring(colon + 1);
        return switch (kind) {
            case "rule" -> new Check.RuleReference(match);
            case "role" -> new Check.Role(match);
            case "http", "https" ->
                throw new IllegalArgumentException("'" + token + "': remote http checks are not supported");
            default -> new Check.Generic(kind, match);
        };
    }

    private boolean accept(String keyword) {
        if (next < tokens.size() && tokens.get(next).toLowerCase(Locale.ROOT).equals(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    private static boolean isKeyword(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return lower.equals("and") || lower.equals("or") || lower.equals("not");
    }

    /** Whitespace separates tokens; parentheses at either end of a token are tokens of their own. */
    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int start = 0;
            while (start < word.length() && word.charAt(start) == '(') {
                tokens.add("(");
                start++;
            }
            int end = word.length();
            int closing = 0;
            while (end > start && word.charAt(end - 1) == ')') {
                closing++;
                end--;
            }
            if (end > start) {
                tokens.add(word.substring(start, end));
            }
            for (int i = 0; i < closing; i++) {
                tokens.add(")");
            }
        }
        return tokens;
    }
}
