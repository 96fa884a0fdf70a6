package io.meterflow.gnocchiclient;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.gnocchiclient.aggregates.AggregatesClient;
import io.meterflow.gnocchiclient.archivepolicy.ArchivePolicyClient;
import io.meterflow.gnocchiclient.internal.GnocchiHttp;
import io.meterflow.gnocchiclient.internal.GnocchiJson;
import io.meterflow.gnocchiclient.measure.MeasureClient;
import io.meterflow.gnocchiclient.metric.MetricClient;
import io.meterflow.gnocchiclient.resource.ResourceClient;
import java.net.http.HttpClient;

/**
 * The Gnocchi v1 API, by feature: {@link #resources()}, {@link #measures()}, {@link #aggregates()},
 * {@link #metrics()}, {@link #archivePolicies()}. Works against Gnocchi 4.4 and Meterflow's
 * time-series API alike. Immutable and thread-safe; make one per identity and share it.
 */
public final class GnocchiClient {

    private final ResourceClient resources;
    private final MeasureClient measures;
    private final AggregatesClient aggregates;
    private final MetricClient metrics;
    private final ArchivePolicyClient archivePolicies;

    /** A client with its own HTTP connection pool. */
    public GnocchiClient(GnocchiConfig config) {
        this(
                config,
                HttpClient.newBuilder()
                        .connectTimeout(config.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    /**
     * A client on a caller's {@link HttpClient} (shared pool, proxy, TLS settings); the connect
     * time-out is then {@code http}'s, the request time-out still {@code config}'s.
     */
    public GnocchiClient(GnocchiConfig config, HttpClient http) {
        this(new GnocchiHttp(config, http, GnocchiJson.newMapper()));
    }

    private GnocchiClient(GnocchiHttp http) {
        this.resources = new ResourceClient(http);
        this.measures = new MeasureClient(http);
        this.aggregates = new AggregatesClient(http);
        this.metrics = new MetricClient(http);
        this.archivePolicies = new ArchivePolicyClient(http);
    }

    public ResourceClient resources() {
        return resources;
    }

    public MeasureClient measures() {
        return measures;
    }

    public AggregatesClient aggregates() {
        return aggregates;
    }

    public MetricClient metrics() {
        return metrics;
    }

    public ArchivePolicyClient archivePolicies() {
        return archivePolicies;
    }

    /** The JSON reader this client uses, for callers that build raw queries or bodies. */
    public static ObjectMapper json() {
        return GnocchiJson.newMapper();
    }
}
