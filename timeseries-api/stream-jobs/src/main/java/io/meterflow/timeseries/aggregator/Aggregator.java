package io.meterflow.timeseries.aggregator;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.lifecycle.Managed;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.ingest.IngestSettings;
import io.meterflow.timeseries.ingest.MeasureTopicNames;
import io.meterflow.timeseries.metric.MetricDao;
import io.meterflow.timeseries.storage.AggregateStore;
import io.meterflow.timeseries.storage.BufferSlices;
import io.meterflow.timeseries.streams.ManagedStreams;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka Streams aggregator as a managed part of a Dropwizard process: inside the API on a
 * single node, or alone ({@code aggregator} command) when scaled out. Instances with the same
 * application id share the measures topic's partitions; one stopped or killed, the others take
 * its partitions over and resume from what PostgreSQL holds.
 */
public final class Aggregator implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Aggregator.class);

    private final IngestSettings settings;
    private final MeasureTopicNames names;
    private final String bootstrapServers;
    private final Transactions transactions;
    private final AggregateStore store;
    private final BufferSlices slices;
    private final MetricLookup metrics;
    private final AggregatorMetrics counters;
    private final Path stateDirectory;
    private final ManagedStreams streams = new ManagedStreams("aggregator");
    private DeadLetterSink deadLetters;

    public Aggregator(
            IngestSettings settings,
            MeasureTopicNames names,
            String bootstrapServers,
            Transactions transactions,
            AggregateStore store,
            BufferSlices slices,
            MetricDao metricDao,
            MetricRegistry registry,
            Path stateDirectory,
            Clock clock) {
        this.slices = slices;
        this.settings = settings;
        this.names = names;
        this.bootstrapServers = bootstrapServers;
        this.transactions = transactions;
        this.store = store;
        this.metrics = new MetricLookup(transactions, metricDao, clock, Duration.ofSeconds(30));
        this.counters = AggregatorMetrics.in(registry);
        this.stateDirectory = stateDirectory;
    }

    @Override
    public void start() {
        deadLetters = new DeadLetterSink(
                new KafkaProducer<>(deadLetterProducerConfig(), new ByteArraySerializer(), new ByteArraySerializer()),
                names.deadLetter(),
                Duration.ofMillis(settings.acknowledgeTimeoutMs()));
        streams.start(
                () -> AggregatorTopology.build(
                        settings,
                        names,
                        transactions,
                        store,
                        slices,
                        metrics,
                        counters,
                        deadLetters,
                        new GapReader(bootstrapServers)),
                AggregatorTopology.streamsConfig(settings, names, bootstrapServers, stateDirectory.toString()));
        LOG.info(
                "Aggregator {} folding {} from {}",
                names.aggregatorApplicationId(),
                names.measures(),
                bootstrapServers);
    }

    @Override
    public void stop() {
        streams.stop();
        if (deadLetters != null) {
            deadLetters.close(); // after the stream threads: their last commits may dead-letter
        }
    }

    private Map<String, Object> deadLetterProducerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.CLIENT_ID_CONFIG,
                names.aggregatorApplicationId() + "-dead-letters");
    }

    public HealthCheck healthCheck() {
        return streams.healthCheck();
    }
}
