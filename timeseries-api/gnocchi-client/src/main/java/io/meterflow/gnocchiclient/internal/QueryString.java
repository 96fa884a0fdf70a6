package io.meterflow.gnocchiclient.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An immutable, ordered query string; a name may repeat ({@code groupby}, {@code sort}). */
public final class QueryString {

    private static final QueryString EMPTY = new QueryString(List.of());

    private final List<String> pairs;

    private QueryString(List<String> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    public static QueryString empty() {
        return EMPTY;
    }

    /** A copy with {@code name=value} added; a null value adds nothing, so optional parameters chain. */
    public QueryString with(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<String> more = new ArrayList<>(pairs);
        more.add(encode(name) + "=" + encode(String.valueOf(value)));
        return new QueryString(more);
    }

    /** {@code name=true} when {@code flag} is set; Gnocchi's default for these flags is false. */
    public QueryString withFlag(String name, boolean flag) {
        return flag ? with(name, "true") : this;
    }

    public QueryString withEach(String name, List<String> values) {
        QueryString result = this;
        for (String value : values) {
            result = result.with(name, value);
        }
        return result;
    }

    /** {@code ?a=1&b=2}, or empty. */
    @Override
    public String toString() {
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** One path segment, percent-encoded (a resource id or metric name may hold spaces or '%'). */
    public static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
