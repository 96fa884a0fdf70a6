package io.meterflow.timeseries.api;

import io.meterflow.timeseries.paging.PageRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFC 5988 {@code Link: <...>; rel="next"} as Gnocchi builds it: the request's query with limit,
 * marker and sort replaced, keys in alphabetical order.
 */
public final class LinkHeader {

    private LinkHeader() {}

    public static String next(UriInfo uri, PageRequest page, String lastId) {
        Map<String, List<String>> options = new TreeMap<>();
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        query.forEach((key, values) -> options.put(key, new ArrayList<>(values)));
        options.put("limit", List.of(Integer.toString(page.limit())));
        options.put("marker", List.of(lastId));
        options.put("sort", page.rawSorts());
        StringBuilder params = new StringBuilder();
        options.forEach((key, values) -> values.forEach(value -> params.append(params.length() == 0 ? "" : "&")
                .append(encode(key))
                .append('=')
                .append(encode(value))));
        return "<" + uri.getAbsolutePath() + "?" + params + ">; rel=\"next\"";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
