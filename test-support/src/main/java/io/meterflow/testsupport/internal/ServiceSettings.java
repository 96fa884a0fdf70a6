package io.meterflow.testsupport.internal;

import io.meterflow.testsupport.internal.postgres.PostgresAdmin;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The running services the environment names, read and checked once. An unset or blank variable
 * means "start one"; a malformed one fails every test that asks for the service, with all problems
 * listed, rather than silently starting something else. Messages never repeat a value, which may
 * hold a password.
 *
 * @param postgres from {@value #POSTGRES_URL}: {@code jdbc:postgresql://host:port/admin-db?user=...}
 * @param amqp from {@value #AMQP_URL}: {@code amqp://user:password@host:port/vhost}
 * @param kafka from {@value #KAFKA}: {@code host:port[,host:port...]}
 */
public record ServiceSettings(Optional<PostgresAdmin> postgres, Optional<URI> amqp, Optional<String> kafka) {

    public static final String POSTGRES_URL = "METERFLOW_TEST_PG_URL";
    public static final String AMQP_URL = "METERFLOW_TEST_AMQP_URL";
    public static final String KAFKA = "METERFLOW_TEST_KAFKA";

    private static final Pattern HOST_PORT_LIST = Pattern.compile("[^,:\\s]+:\\d{1,5}(,[^,:\\s]+:\\d{1,5})*");

    public static ServiceSettings from(Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        Optional<PostgresAdmin> postgres = value(environment, POSTGRES_URL).flatMap(url -> {
            try {
                return Optional.of(PostgresAdmin.parse(url));
            } catch (IllegalArgumentException e) {
                problems.add(POSTGRES_URL + ": " + e.getMessage());
                return Optional.empty();
            }
        });
        Optional<URI> amqp = value(environment, AMQP_URL).flatMap(url -> amqpUri(url, problems));
        Optional<String> kafka = value(environment, KAFKA).filter(servers -> {
            boolean valid = HOST_PORT_LIST.matcher(servers).matches();
            if (!valid) {
                problems.add(KAFKA + ": expected host:port[,host:port...]");
            }
            return valid;
        });
        if (!problems.isEmpty()) {
            throw new ServiceSettingsException(problems);
        }
        return new ServiceSettings(postgres, amqp, kafka);
    }

    private static Optional<URI> amqpUri(String url, List<String> problems) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            problems.add(AMQP_URL + ": not a URI (" + e.getReason() + ")");
            return Optional.empty();
        }
        if (!"amqp".equals(uri.getScheme()) && !"amqps".equals(uri.getScheme())) {
            problems.add(AMQP_URL + ": scheme must be amqp or amqps");
        } else if (uri.getHost() == null) {
            problems.add(AMQP_URL + ": names no host");
        } else if (uri.getRawPath() != null && uri.getRawPath().lastIndexOf('/') > 0) {
            problems.add(AMQP_URL + ": a virtual host containing / must be URL-encoded (%2F)");
        } else {
            return Optional.of(uri);
        }
        return Optional.empty();
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
