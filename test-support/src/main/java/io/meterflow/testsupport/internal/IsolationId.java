package io.meterflow.testsupport.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name one test class owns on every shared service: its database, its virtual host, the prefix
 * of its topics. Lower-case letters, digits and underscores only, so it needs no quoting in SQL,
 * AMQP or Kafka.
 */
public record IsolationId(String value) {

    private static final Pattern SHAPE = Pattern.compile("mf_test_[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public IsolationId {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Isolation id must match " + SHAPE + ": " + value);
        }
    }

    public static IsolationId random() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return new IsolationId("mf_test_" + HexFormat.of().formatHex(bytes));
    }

    /** Prefix for names inside a shared namespace (topics, exchanges, queues). */
    public String prefix() {
        return value + ".";
    }

    @Override
    public String toString() {
        return value;
    }
}
