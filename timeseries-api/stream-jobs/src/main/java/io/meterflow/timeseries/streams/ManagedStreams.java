package io.meterflow.timeseries.streams;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the process's Kafka Streams applications (the aggregator, the sample ingest) run by
 * Dropwizard's lifecycle: started with the server, closed cleanly (a clean close commits, so the
 * last batch is written with its offsets), its failed threads replaced (PostgreSQL away fails a
 * task; the new thread resumes from the last commit), and its state reported as a health check.
 */
public final class ManagedStreams {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private KafkaStreams streams;

    public ManagedStreams(String name) {
        this.name = name;
    }

    /**
     * The settings both applications share: byte-array records, exactly once, and a member
     * that disappears (kill -9) losing its partitions to the others after 10 s, not 45.
     */
    public static Properties exactlyOnceConfig(
            String applicationId, String bootstrapServers, int threads, int commitIntervalMs, String stateDirectory) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory);
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        config.put(StreamsConfig.consumerPrefix("max.poll.records"), 2000);
        config.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
        config.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 2_000);
        return config;
    }

    public void start(Supplier<Topology> topology, Properties config) {
        streams = new KafkaStreams(topology.get(), config);
        streams.setUncaughtExceptionHandler(failure -> {
            LOG.error("{} thread failed; replacing it", name, failure);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
    }

    public void stop() {
        if (streams != null) {
            streams.close(CLOSE_TIMEOUT);
        }
    }

    public HealthCheck healthCheck() {
        return new HealthCheck() {
            @Override
            protected Result check() {
                KafkaStreams.State state = streams == null ? null : streams.state();
                return state != null && (state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED)
                        ? Result.healthy(state.name())
                        : Result.unhealthy(name + " is " + state);
            }
        };
    }
}
