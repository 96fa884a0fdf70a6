package io.meterflow.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed check string of oslo.policy's rule language, evaluated as oslo.policy evaluates it:
 * against the target of the call (what is acted on, e.g. its {@code project_id}) and the caller's
 * credentials ({@code roles}, {@code project_id}, {@code is_admin}, ...).
 */
sealed interface Check {

    /** @param rules the policy's named rules, for {@code rule:} references */
    boolean test(Map<String, Object> target, Map<String, Object> credentials, Rules rules);

    /** Resolves {@code rule:NAME}; an unknown name fails the check, as in oslo.policy. */
    interface Rules {
        Check rule(String name);
    }

    /** {@code @} and the empty string pass; {@code !} fails. */
    record Constant(boolean result) implements Check {
        @Override
        public boolean test(Map<String, Object> target, Map<String, Object> credentials, Rules rules) {
            return result;
        }

        @Override
        public String toString() {
            return result ? "@" : "!";
        }
    }

    record Not(Check check) implements Check {
        @Override
        public boolean test(Map<String, Object> target, Map<String, Object> credentials, Rules rules) {
            return !check.test(target, credentials, rules);
        }

        @Override
        public String toString() {
            return "not " + check;
        }
    }

    record And(List<Check> checks) implements Check {
        @Override
        public boolean test(Map<String, Object> target, Map<String, Object> credentials, Rules rules) {
            for (Check check : checks) {
                if (!check.test(target, credentials, rules)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "("
                    + String.join(" and ", checks.stream().map(Check::toString).toList()) + ")";
        }
    }

    record Or(List<Check> checks) implements Check {
        @Override
        public boolean test(Map<String, Object> target, Map<String, Object> credentials, Rules rules) {
            for (Check check : checks) {
                if (check.test(target, credentials, rules)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "("
                    + String.join(" or ", checks.stream().map(Check::toString).toList()) + ")";
        }
    }

    /** {@code rule:NAME}: another rule of the policy. */
    record RuleReference(String name) implements Check {
        @Override
        public boolean test(Map<String, Object> target, Map<String, Object> credentials, Rules rules) {
            Check rule = rules.rule(name);
            return rule != null && rule.test(target, credentials, rules);
        }

        @Override
        public String toString() {
            return "rule:" + name;
        }
    }

    /** {@code role:NAME}: the caller holds the role, compared without case. */
    record Role(String match) implements Check {
        @Override
        public boolean test(Map<String, Object> target, Map<String, Object> credentials, Rules rules) {
            String role = TargetTemplate.substitute(match, target);
            if (role == null || !(credentials.get("roles") instanceof List<?> roles)) {
                return false;
            }
            String wanted = role.toLowerCase(Locale.ROOT);
            return roles.stream()
                    .anyMatch(held ->
                            String.valueOf(held).toLowerCase(Locale.ROOT).equals(wanted));
        }

        @Override
        public String toString() {
            return "role:" + match;
        }
    }

    /**
     * {@code KIND:MATCH}, anything else: MATCH (after {@code %(name)s} is replaced from the target)
     * equals the credential KIND (a dotted path into nested credentials, any element of a list
     * matching) or, when KIND is a literal such as {@code 'member'} or {@code True}, that literal.
     * Values compare as Python's {@code str()} prints them.
     */
    record Generic(String kind, String match) implements Check {
        @Override
        public boolean test(Map<String, Object> target, Map<String, Object> credentials, Rules rules) {
            String expected = TargetTemplate.substitute(match, target);
            if (expected == null) {
                return false;
            }
            String literal = PythonLiteral.text(kind);
            if (literal != null) {
                return expected.equals(literal);
            }
            return found(credentials, List.of(kind.split("\\.", -1)), expected);
        }

        private static boolean found(Object value, List<String> path, String expected) {
            if (path.isEmpty()) {
                return expected.equals(PythonLiteral.str(value));
            }
            if (!(value instanceof Map<?, ?> map) || !map.containsKey(path.get(0))) {
                return false;
            }
            Object next = map.get(path.get(0));
            List<String> rest = path.subList(1, path.size());
            if (next instanceof List<?> list) {
                return list.stream().anyMatch(element -> found(element, rest, expected));
            }
            return found(next, rest, expected);
        }

        @Override
        public String toString() {
            return kind + ":" + match;
        }
    }
}
