package io.meterflow.gnocchiclient;

import io.meterflow.gnocchiclient.auth.GnocchiAuth;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the Gnocchi API is and how to talk to it. Every problem is reported at once, so a wrong
 * configuration is fixed in one round.
 *
 * @param baseUri        the API root, e.g. {@code http://127.0.0.1:8041} or {@code https://cloud/metric/}
 *                       (a path prefix is kept; {@code v1/...} is resolved under it)
 * @param auth           identity sent with every request
 * @param connectTimeout how long to wait for a TCP connection ({@link #DEFAULT_CONNECT_TIMEOUT})
 * @param requestTimeout how long to wait for a whole answer ({@link #DEFAULT_REQUEST_TIMEOUT});
 *                       {@code refresh=true} reads wait for aggregation, so keep it generous
 */
public record GnocchiConfig(URI baseUri, GnocchiAuth auth, Duration connectTimeout, Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    public GnocchiConfig {
        List<String> problems = new ArrayList<>();
        if (baseUri == null) {
            problems.add("baseUri is missing");
        } else {
            if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
                problems.add("baseUri must be an http or https URI, got " + baseUri);
            }
            if (baseUri.getHost() == null) {
                problems.add("baseUri has no host: " + baseUri);
            }
            if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
                problems.add("baseUri must have no query or fragment: " + baseUri);
            }
        }
        if (auth == null) {
            problems.add("auth is missing (BasicAuth, NoAuth or KeystoneTokenAuth)");
        }
        checkPositive("connectTimeout", connectTimeout, problems);
        checkPositive("requestTimeout", requestTimeout, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid Gnocchi client configuration: " + String.join("; ", problems));
        }
        // A trailing slash makes "v1/..." resolve under the path prefix instead of replacing its last segment.
        if (!baseUri.getPath().endsWith("/")) {
            baseUri = URI.create(baseUri + "/");
        }
    }

    /** The default timeouts. */
    public static GnocchiConfig of(URI baseUri, GnocchiAuth auth) {
        return new GnocchiConfig(baseUri, auth, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public GnocchiConfig withTimeouts(Duration connect, Duration request) {
        return new GnocchiConfig(baseUri, auth, connect, request);
    }

    private static void checkPositive(String name, Duration value, List<String> problems) {
        if (value == null) {
            problems.add(name + " is missing");
        } else if (value.isNegative() || value.isZero()) {
            problems.add(name + " must be positive, got " + value);
        }
    }
}
