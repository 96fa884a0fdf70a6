package io.meterflow.demo;

import java.net.URI;
import java.util.Objects;

/**
 * Where the demo reaches the services: their HTTP APIs and the notification bus.
 *
 * @param adminUser the identity the demo acts as; the services run with basic auth, where the user
 *     name is the identity and the password is empty
 */
public record DemoEndpoints(URI timeseries, URI rating, URI reports, String amqpUrl, String adminUser) {

    public DemoEndpoints {
        Objects.requireNonNull(timeseries, "timeseries");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(amqpUrl, "amqpUrl");
        Objects.requireNonNull(adminUser, "adminUser");
    }
}
