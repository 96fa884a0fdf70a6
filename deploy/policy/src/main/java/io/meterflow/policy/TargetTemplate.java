package io.meterflow.policy;

import java.util.Map;

/** Python's {@code "%(name)s" % target}, the only formatting oslo.policy's check strings use. */
final class TargetTemplate {

    private TargetTemplate() {}

    /** @return the text with every {@code %(name)s} replaced, or null when the target lacks a name (Python's KeyError) */
    static String substitute(String template, Map<String, Object> target) {
        if (template.indexOf('%') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
            } else if (template.startsWith("%%", i)) {
                out.append('%');
                i += 2;
            } else if (template.startsWith("%(", i)) {
                int close = template.indexOf(")s", i);
                if (close < 0) {
                    throw new IllegalArgumentException("unfinished %(name)s in '" + template + "'");
                }
                String name = template.substring(i + 2, close);
                if (!target.containsKey(name)) {
                    return null;
                }
                out.append(PythonLiteral.str(target.get(name)));
                i = close + 2;
            } else {
                throw new IllegalArgumentException("only %(name)s and %% may follow % in '" + template + "'");
            }
        }
        return out.toString();
    }
}
