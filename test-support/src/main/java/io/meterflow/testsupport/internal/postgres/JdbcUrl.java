package io.meterflow.testsupport.internal.postgres;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A {@code jdbc:postgresql://hosts/database?parameters} URL taken apart, so that a database can be
 * created next to the one the URL names and reached with the same hosts and parameters.
 */
public record JdbcUrl(String hosts, String database, Map<String, String> parameters) {

    private static final String PREFIX = "jdbc:postgresql://";

    public JdbcUrl {
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(database, "database");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("JDBC URL names no host");
        }
        if (database.isEmpty()) {
            throw new IllegalArgumentException("JDBC URL names no database");
        }
    }

    public static JdbcUrl parse(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("JDBC URL must start with " + PREFIX);
        }
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        int slash = path.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(
                    "JDBC URL names no database (expected " + PREFIX + "host:port/database)");
        }
        return new JdbcUrl(
                path.substring(0, slash),
                decode(path.substring(slash + 1)),
                query < 0 ? Map.of() : parseQuery(rest.substring(query + 1)));
    }

    JdbcUrl withDatabase(String otherDatabase) {
        return new JdbcUrl(hosts, otherDatabase, parameters);
    }

    /** This URL without the named parameter, for taking credentials out of it. */
    JdbcUrl without(String parameter) {
        Map<String, String> remaining = new LinkedHashMap<>(parameters);
        remaining.remove(parameter);
        return new JdbcUrl(hosts, database, remaining);
    }

    @Override
    public String toString() {
        String base = PREFIX + hosts + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        if (parameters.isEmpty()) {
            return base;
        }
        return base + "?"
                + parameters.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.put(key, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
