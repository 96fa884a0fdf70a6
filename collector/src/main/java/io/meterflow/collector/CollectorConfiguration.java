package io.meterflow.collector;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.meterflow.singlenode.KafkaConnectionSettings;
import io.meterflow.wire.Topics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;

/**
 * The collector's configuration (meterflow-collector.yml), each key overridable by the
 * environment variable named there. Validated at start, all problems reported together.
 */
public final class CollectorConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private Amqp amqp = new Amqp();

    @Valid
    @NotNull
    @JsonProperty
    private Kafka kafka = new Kafka();

    @Valid
    @NotNull
    @JsonProperty
    private Meters meters = new Meters();

    @Valid
    @NotNull
    @JsonProperty
    private Polling polling = new Polling();

    /** Where the single-node Kafka keeps its log ({@code <dataDir>/kafka}) when this process starts it. */
    @NotBlank
    @JsonProperty
    private String dataDir = "./data";

    public Amqp amqp() {
        return amqp;
    }

    public Kafka kafka() {
        return kafka;
    }

    public Meters meters() {
        return meters;
    }

    public Polling polling() {
        return polling;
    }

    /**
     * Hypervisor polling through libvirt (collector/libvirt), as Ceilometer's compute agent:
     * {@code off}, {@code alongside} the notification consumer, or {@code only} (a compute node).
     */
    public static final class Polling {
        @NotNull
        @jakarta.validation.constraints.Pattern(regexp = "off|alongside|only")
        @JsonProperty
        private String mode = "off";

        @NotBlank
        @JsonProperty
        private String uri = "qemu:///system";

        /** Ceilometer's polling.yaml interval for the compute meters. */
        @Min(1)
        @JsonProperty
        private int intervalSeconds = 600;

        /** Up to this much later than the interval's slot, so a thousand nodes do not poll in lockstep. */
        @Min(0)
        @JsonProperty
        private int jitterSeconds = 60;

        /** Meter names or patterns (cpu, network.*), comma-separated; * for all. */
        @NotBlank
        @JsonProperty
        private String meters = "*";

        /** The host name samples carry; empty: this machine's. */
        @NotNull
        @JsonProperty
        private String host = "";

        @Min(1)
        @JsonProperty
        private int threads = 2;

        public String mode() {
            return mode;
        }

        public String uri() {
            return uri;
        }

        public int intervalSeconds() {
            return intervalSeconds;
        }

        public int jitterSeconds() {
            return jitterSeconds;
        }

        public String meters() {
            return meters;
        }

        public String host() {
            return host;
        }

        public int threads() {
            return threads;
        }
    }

    public java.nio.file.Path dataDir() {
        return java.nio.file.Path.of(dataDir);
    }

    /** Where notifications come from. */
    public static final class Amqp {
        @NotBlank
        @JsonProperty
        private String url = "amqp://guest:guest@127.0.0.1:5672/%2F";
        /** Comma-separated control exchanges the services publish to. */
        @NotBlank
        @JsonProperty
        private String exchanges = "nova,cinder,glance,neutron,heat,keystone,swift,openstack,ceilometer,sahara,trove,"
                + "zaqar,magnum,dns,designate,ironic,aodh,manila";
        /** Comma-separated notification topics ([oslo_messaging_notifications] topics of the services). */
        @NotBlank
        @JsonProperty
        private String topics = "notifications,versioned_notifications";
        /** Comma-separated priorities to bind; Ceilometer meters info and sample only. */
        @NotBlank
        @JsonProperty
        private String priorities = "info,sample";
        /** Our own durable queues are named this plus the routing key, so Ceilometer's queues are left alone. */
        @NotNull
        @JsonProperty
        private String queuePrefix = "meterflow.";

        @NotBlank
        @JsonProperty
        private String deadLetterQueue = "meterflow.collector.dead-letter";
        /** oslo.messaging declares exchanges non-durable by default; declaring them otherwise fails. */
        @JsonProperty
        private boolean exchangeDurable = false;

        @Min(1)
        @Max(65535)
        @JsonProperty
        private int prefetch = 1000;

        @Min(1)
        @Max(64)
        @JsonProperty
        private int concurrency = 2;

        @Min(1)
        @Max(10000)
        @JsonProperty
        private int batchSize = 250;

        public String url() {
            return url;
        }

        public List<String> exchanges() {
            return split(exchanges);
        }

        public List<String> routingKeys() {
            return split(topics).stream()
                    .flatMap(t -> split(priorities).stream().map(p -> t + "." + p))
                    .toList();
        }

        public String queuePrefix() {
            return queuePrefix;
        }

        public String deadLetterQueue() {
            return deadLetterQueue;
        }

        public boolean exchangeDurable() {
            return exchangeDurable;
        }

        public int prefetch() {
            return prefetch;
        }

        public int concurrency() {
            return concurrency;
        }

        public int batchSize() {
            return batchSize;
        }
    }

    /** Where samples and resource events go. */
    public static final class Kafka extends KafkaConnectionSettings {
        @NotBlank
        @JsonProperty
        private String samplesTopic = Topics.SAMPLES;

        @NotBlank
        @JsonProperty
        private String resourceEventsTopic = Topics.RESOURCE_EVENTS;

        /** Keystone's project lifecycle (created, updated, deleted), keyed by project id, for the rating engine. */
        @NotBlank
        @JsonProperty
        private String projectEventsTopic = Topics.PROJECT_EVENTS;
        /** How long one send may take before it is retried (delivery.timeout.ms). */
        @Min(1000)
        @JsonProperty
        private int deliveryTimeoutMs = 30000;

        /**
         * With no deployment configured: how long to wait at start for a time-series service to
         * register the namespace this collector then publishes in.
         */
        @Min(0)
        @JsonProperty
        private int deploymentWaitSeconds = 120;

        public int deploymentWaitSeconds() {
            return deploymentWaitSeconds;
        }

        public String samplesTopic() {
            return samplesTopic;
        }

        public String resourceEventsTopic() {
            return resourceEventsTopic;
        }

        public String projectEventsTopic() {
            return projectEventsTopic;
        }

        public int deliveryTimeoutMs() {
            return deliveryTimeoutMs;
        }
    }

    /** How notifications become samples. */
    public static final class Meters {
        /** Comma-separated meters.yaml files or directories; empty for the built-in definitions. */
        @NotNull
        @JsonProperty
        private String definitions = "";

        @NotBlank
        @JsonProperty
        private String novaFormat = "both";

        @JsonProperty
        private boolean deadLetterUnmatched = true;
        /**
         * At most how long to run the processing path over bundled notifications before consuming,
         * until the JIT compiler has caught up with it; 0 to start consuming at once.
         */
        @Min(0)
        @Max(60000)
        @JsonProperty
        private int warmUpMillis = 10000;

        public List<java.nio.file.Path> definitionPaths() {
            return split(definitions).stream().map(java.nio.file.Path::of).toList();
        }

        public String novaFormat() {
            return novaFormat;
        }

        public boolean deadLetterUnmatched() {
            return deadLetterUnmatched;
        }

        public int warmUpMillis() {
            return warmUpMillis;
        }
    }

    static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
