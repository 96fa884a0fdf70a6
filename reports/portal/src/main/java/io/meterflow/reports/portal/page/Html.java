package io.meterflow.reports.portal.page;

/**
 * Escapes text for HTML bodies and quoted attribute values. Everything that did not come from this
 * module's own templates (project ids, resource names, invoice numbers, services) goes through it.
 */
public final class Html {

    private Html() {}

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A query parameter value or path segment inside an href: percent-encoded (a space as {@code %20},
     * which both read alike), so the result is also safe inside a quoted attribute.
     */
    public static String param(String text) {
        return java.net.URLEncoder.encode(text == null ? "" : text, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
