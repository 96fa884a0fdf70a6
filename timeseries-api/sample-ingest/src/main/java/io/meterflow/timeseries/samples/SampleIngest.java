package io.meterflow.timeseries.samples;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import io.meterflow.timeseries.deadletter.DeadLetterBook;
import io.meterflow.timeseries.resource.ResourceRequests;
import io.meterflow.timeseries.resource.ResourceService;
import io.meterflow.timeseries.streams.ManagedStreams;
import io.meterflow.timeseries.time.Timestamps;
import io.meterflow.wire.ResourceEventCodec;
import io.meterflow.wire.SampleCodec;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample ingest as a managed part of the process that runs the aggregator: its Kafka Streams
 * application ({@code sampleIngest.applicationId}) reads the collector's samples and resource
 * events. The mapping is loaded, and refused with every problem listed, when this is built.
 */
public final class SampleIngest implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(SampleIngest.class);

    private final SampleIngestSettings settings;
    private final SampleTopicNames names;
    private final String measuresTopic;
    private final String bootstrapServers;
    private final Admin admin;
    private final SampleIngestTopology.Parts parts;
    private final Path stateDirectory;
    private final ManagedStreams streams = new ManagedStreams("sample ingest");

    public SampleIngest(
            SampleIngestSettings settings,
            SampleTopicNames names,
            String measuresTopic,
            String bootstrapServers,
            Admin admin,
            ResourceService resources,
            ResourceRequests requests,
            Timestamps timestamps,
            MetricRegistry registry,
            DeadLetterBook deadLetterBook,
            Path stateDirectory,
            Clock clock) {
        this.settings = settings;
        this.names = names;
        this.measuresTopic = measuresTopic;
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
        this.stateDirectory = stateDirectory;
        MeterMapping mapping =
                settings.mappingFile().map(Path::of).map(MeterMapping::load).orElseGet(MeterMapping::builtIn);
        SampleIngestMetrics counters = SampleIngestMetrics.in(registry);
        ResolutionCache cache = new ResolutionCache(settings.cacheSize(), settings.cacheExpiryMs(), clock);
        registry.gauge("meterflow.sample-ingest.cache.entries", () -> (Gauge<Integer>) cache::size);
        IngestIdentity identity = IngestIdentity.of(settings.creator());
        ObjectMapper json = new ObjectMapper();
        EventTimes times = new EventTimes(timestamps);
        this.parts = new SampleIngestTopology.Parts(
                new SampleCodec(json),
                new ResourceEventCodec(json),
                times,
                mapping,
                new OwnActivityFilter(settings.filterProjectId()),
                new SampleResolver(resources, requests, cache, identity, settings.archivePolicyDefault(), counters),
                new ResourceEventApplier(resources, requests, cache, identity, counters, times),
                counters,
                deadLetterBook);
    }

    @Override
    public void start() {
        SampleTopics.ensure(admin, names);
        streams.start(
                () -> SampleIngestTopology.build(names, measuresTopic, parts),
                SampleIngestTopology.streamsConfig(settings, names, bootstrapServers, stateDirectory.toString()));
        LOG.info(
                "Sample ingest {} reading {} and {} into {}",
                names.applicationId(),
                names.samples(),
                names.resourceEvents(),
                measuresTopic);
    }

    @Override
    public void stop() {
        streams.stop();
    }

    public HealthCheck healthCheck() {
        return streams.healthCheck();
    }
}
