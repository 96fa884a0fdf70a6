package io.meterflow.rating;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The notification bus budget alerts are published on, as oslo.messaging notifications: the
 * exchange and topic of an OpenStack service's {@code [oslo_messaging_notifications]}.
 */
public final class NotificationConfiguration {

    /** amqp://user:password@host:port/vhost of the RabbitMQ OpenStack uses; empty: webhooks only. */
    @NotNull
    @Pattern(regexp = "|amqps?://.+", message = "must be empty or an amqp:// or amqps:// URL")
    @JsonProperty
    private String amqpUrl = "";

    /** The topic exchange (oslo's control_exchange for this service). */
    @NotNull
    @Pattern(regexp = ".+", message = "must not be empty")
    @JsonProperty
    private String exchange = "meterflow";

    /** Published with the routing key {@code <topic>.info}, into the queue of that name. */
    @NotNull
    @Pattern(regexp = ".+", message = "must not be empty")
    @JsonProperty
    private String topic = "notifications";

    public String amqpUrl() {
        return amqpUrl;
    }

    public String exchange() {
        return exchange;
    }

    public String topic() {
        return topic;
    }
}
