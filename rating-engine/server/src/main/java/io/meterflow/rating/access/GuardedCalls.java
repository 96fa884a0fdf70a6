package io.meterflow.rating.access;

import io.meterflow.policy.RuleDefault;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Which rule guards a call: the first rule, in the order listed, one of whose operations matches. */
final class GuardedCalls {

    private record Guard(String method, Pattern path, String rule) {}

    private final List<Guard> guards = new ArrayList<>();

    GuardedCalls(List<RuleDefault> rules) {
        for (RuleDefault rule : rules) {
            for (String operation : rule.operations()) {
                String[] parts = operation.trim().split("\\s+", 2);
                if (parts.length != 2 || !parts[1].startsWith("/")) {
                    throw new IllegalArgumentException(
                            rule.name() + ": operation '" + operation + "' is not METHOD /path");
                }
                guards.add(new Guard(parts[0].toUpperCase(Locale.ROOT), pattern(parts[1]), rule.name()));
            }
        }
    }

    /** A request path from the root, with a leading slash and none trailing: the form calls are matched in. */
    static String normalized(String path) {
        String rooted = path.startsWith("/") ? path : "/" + path;
        return rooted.length() > 1 && rooted.endsWith("/") ? rooted.substring(0, rooted.length() - 1) : rooted;
    }

    /** @param path the request path from the root; a trailing slash is ignored */
    String ruleFor(String method, String path) {
        String normalized = normalized(path);
        for (Guard guard : guards) {
            if ((guard.method().equals("ANY") || guard.method().equals(method))
                    && guard.path().matcher(normalized).matches()) {
                return guard.rule();
            }
        }
        return "default";
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String segment : template.substring(1).split("/", -1)) {
            regex.append('/');
            if (segment.equals("*")) {
                regex.append(".*");
            } else if (segment.startsWith("{") && segment.endsWith("}")) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(segment));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
