package io.meterflow.gnocchiclient.aggregates;

import io.meterflow.gnocchiclient.internal.GnocchiHttp;

/** Computes aggregations across metrics or across the metrics of searched resources. */
public final class AggregatesClient {

    private final GnocchiHttp http;

    public AggregatesClient(GnocchiHttp http) {
        this.http = http;
    }

    /** {@code POST /v1/aggregates}. */
    public AggregatesResult aggregate(AggregatesRequest request) {
        return AggregatesJson.read(
                http.post("aggregates", request.toQueryString(), request.toBody()),
                !request.groupBy().isEmpty());
    }
}
