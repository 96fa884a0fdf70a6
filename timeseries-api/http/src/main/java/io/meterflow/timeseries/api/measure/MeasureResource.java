package io.meterflow.timeseries.api.measure;

import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.aggregation.Measure;
import io.meterflow.timeseries.aggregation.Resampling;
import io.meterflow.timeseries.api.ApiException;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.QueryParameters;
import io.meterflow.timeseries.api.Refreshes;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyItem;
import io.meterflow.timeseries.measure.Backlog;
import io.meterflow.timeseries.measure.MeasureIntake;
import io.meterflow.timeseries.measure.MeasureReader;
import io.meterflow.timeseries.measure.MeasuresParser;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricService;
import io.meterflow.timeseries.time.Timespans;
import io.meterflow.timeseries.time.Timestamps;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /v1/metric/{id}/measures}: add measures to one metric, read its aggregates. */
@Path("/v1/metric/{id}/measures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class MeasureResource {

    private final MetricService metrics;
    private final MeasuresParser parser;
    private final MeasureIntake intake;
    private final MeasureReader reader;
    private final JsonBodies bodies;
    private final AccessPolicy access;
    private final Timestamps timestamps;
    private final MeasuresJson output;
    private final Backlog backlog;

    public MeasureResource(
            MetricService metrics,
            MeasuresParser parser,
            MeasureIntake intake,
            MeasureReader reader,
            JsonBodies bodies,
            AccessPolicy access,
            Timestamps timestamps,
            MeasuresJson output,
            Backlog backlog) {
        this.metrics = metrics;
        this.parser = parser;
        this.intake = intake;
        this.reader = reader;
        this.bodies = bodies;
        this.access = access;
        this.timestamps = timestamps;
        this.output = output;
        this.backlog = backlog;
    }

    @POST
    public Response add(
            @Context SecurityContext security,
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            byte[] body) {
        Metric metric = metrics.get(id);
        access.requireMetricWriter(Callers.from(security), metric.accessTarget());
        List<Measure> measures = parser.parse(bodies.read(type, body), List.of());
        intake.accept(Map.of(metric, measures));
        return Response.accepted().build();
    }

    @GET
    public Response read(
            @Context SecurityContext security,
            @PathParam("id") String id,
            @QueryParam("start") String start,
            @QueryParam("stop") String stop,
            @QueryParam("aggregation") String aggregation,
            @QueryParam("granularity") String granularity,
            @QueryParam("resample") String resample,
            @QueryParam("refresh") String refresh) {
        Metric metric = metrics.getMeasuresReadable(Callers.from(security), id);
        String method = aggregation == null ? "mean" : aggregation;
        Resampling resampleTo = null;
        if (resample != null) {
            if (granularity == null) {
                throw ApiException.badRequest("A granularity must be specified to resample");
            }
            try {
                resampleTo = Resampling.parse(resample, text -> Timespans.parse(text, false));
            } catch (IllegalArgumentException invalid) {
                throw ApiException.badRequest(invalid.getMessage());
            }
        }
        Long from = timestamp("start", start);
        Long to = timestamp("stop", stop);
        List<Long> granularities = new ArrayList<>();
        if (granularity == null) {
            metric.archivePolicy().definition().forEach(item -> granularities.add(item.granularity()));
        } else {
            try {
                granularities.add(Timespans.parse(granularity, false));
            } catch (IllegalArgumentException invalid) {
                throw ApiException.argumentValueError("granularity", invalid.getMessage());
            }
        }
        granularities.sort(Comparator.reverseOrder());
        if (!metric.archivePolicy().aggregationMethods().contains(method)) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("metric", metric.id().toString());
            detail.put("aggregation_method", method);
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("cause", "Aggregation method does not exist for this metric");
            description.put("detail", detail);
            throw new ApiException(404, description);
        }
        for (long g : granularities) {
            if (metric.archivePolicy()
                    .itemFor(g)
                    .map(ArchivePolicyItem::granularity)
                    .isEmpty()) {
                throw ApiException.notFound("Aggregation method '" + method + "' at granularity '"
                        + Timespans.toSeconds(g) + "' for metric " + metric.id() + " does not exist");
            }
        }
        String refreshed = null;
        if (refresh != null && QueryParameters.parseBoolean("refresh", refresh)) {
            refreshed = Refreshes.describe(Refreshes.await(backlog, metric.id()));
        }
        StreamingOutput body =
                output.of(reader.read(metric, new MeasureReader.Query(method, granularities, from, to, resampleTo)));
        return Response.ok(body).header(Refreshes.HEADER, refreshed).build();
    }

    private Long timestamp(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return timestamps.parseOne(value);
        } catch (IllegalArgumentException invalid) {
            throw ApiException.argumentValueError(name, "Must be a datetime or a timestamp");
        }
    }
}
