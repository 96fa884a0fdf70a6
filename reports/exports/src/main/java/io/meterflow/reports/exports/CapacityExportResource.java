package io.meterflow.reports.exports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.gnocchiclient.error.GnocchiAccessDeniedException;
import io.meterflow.gnocchiclient.error.GnocchiBadRequestException;
import io.meterflow.gnocchiclient.error.GnocchiException;
import io.meterflow.gnocchiclient.error.GnocchiNotFoundException;
import io.meterflow.gnocchiclient.error.GnocchiUnavailableException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/exports/capacity}: a capacity export as a download. The parameters are
 * {@link ExportParameters}'; unknown ones are refused rather than silently ignored. Errors answer
 * {@code {"description": "..."}} as Gnocchi's do: 400 for bad input (naming the parameter), 403 and
 * 404 as the time-series API answered, 503 when it is unavailable, 502 when it failed otherwise.
 * JAX-RS annotations only: the reports server registers it with its exporter.
 */
@Path("/v1/exports/capacity")
public final class CapacityExportResource {

    private static final Logger LOG = LoggerFactory.getLogger(CapacityExportResource.class);

    private final ExporterForCaller exporters;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param exporters the exporter per caller; {@link ExporterForCaller#shared} for one exporter,
     *     and so one Gnocchi identity, for everyone
     */
    public CapacityExportResource(ExporterForCaller exporters) {
        this.exporters = exporters;
    }

    @GET
    public Response export(@Context UriInfo uri, @HeaderParam("X-Auth-Token") String authToken) {
        Map<String, List<String>> parameters = uri.getQueryParameters();
        try {
            Request request = Request.of(parameters);
            ExportFormat format = request.format();
            CapacityExport export = request.export();
            ExportTable table = exporters.exporterFor(authToken).run(export);
            ExportWriter writer = format.writer();
            StreamingOutput body = out -> writer.write(table, out);
            return Response.ok(body, format.mediaType())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName(format) + "\"")
                    .build();
        } catch (InvalidExportException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (GnocchiException e) {
            Response.Status status = statusOf(e);
            // The caller's mistakes are the caller's to read; the API's failures are the operator's.
            if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
                LOG.warn("capacity export failed in the time-series API, answered {}: {}", status, e.getMessage());
            }
            return error(status, "time-series API: " + e.getMessage());
        }
    }

    /** Format and export read together, so a request with both wrong hears of both at once. */
    private record Request(ExportFormat format, CapacityExport export) {

        static Request of(Map<String, List<String>> parameters) {
            List<InvalidExportException.Problem> problems = new ArrayList<>();
            ExportFormat format = null;
            CapacityExport export = null;
            try {
                format = ExportFormat.parse(parameters
                        .getOrDefault("format", List.of(ExportFormat.CSV.extension()))
                        .get(0));
            } catch (InvalidExportException e) {
                problems.addAll(e.problems());
            }
            try {
                export = ExportParameters.parse(parameters);
            } catch (InvalidExportException e) {
                problems.addAll(e.problems());
            }
            if (!problems.isEmpty()) {
                throw new InvalidExportException(problems);
            }
            return new Request(format, export);
        }
    }

    /** The one place the time-series API's failures become this resource's statuses. */
    private static Response.Status statusOf(GnocchiException failure) {
        if (failure instanceof GnocchiBadRequestException) {
            return Response.Status.BAD_REQUEST; // e.g. a granularity no archive policy has
        }
        if (failure instanceof GnocchiAccessDeniedException) {
            return Response.Status.FORBIDDEN;
        }
        if (failure instanceof GnocchiNotFoundException) {
            return Response.Status.NOT_FOUND; // e.g. an unknown resource type
        }
        if (failure instanceof GnocchiUnavailableException) {
            return Response.Status.SERVICE_UNAVAILABLE;
        }
        return Response.Status.BAD_GATEWAY;
    }

    private Response error(Response.Status status, String description) {
        try {
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(json.writeValueAsString(Map.of("description", description)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of one string is always JSON", e);
        }
    }
}
