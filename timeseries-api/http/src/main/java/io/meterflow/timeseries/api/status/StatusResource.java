package io.meterflow.timeseries.api.status;

import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.api.QueryParameters;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.deadletter.DeadLetterBook;
import io.meterflow.timeseries.deadletter.DeadLetterLedger;
import io.meterflow.timeseries.measure.Backlog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/status} in Gnocchi's shape: the backlog of measures accepted and not yet aggregated
 * (always empty in the direct mode, where the API process itself is the processor).
 */
@Path("/v1/status")
@Produces(MediaType.APPLICATION_JSON)
public final class StatusResource {

    private final AccessPolicy access;
    private final String processorName;
    private final Backlog backlog;
    private final String mode;
    private final DeadLetterBook deadLetters;

    public StatusResource(
            AccessPolicy access, String processorName, Backlog backlog, String mode, DeadLetterBook deadLetters) {
        this.deadLetters = deadLetters;
        this.access = access;
        this.processorName = processorName;
        this.backlog = backlog;
        this.mode = mode;
    }

    /**
     * Meterflow's addition: records the stream jobs could not apply and sent to the dead-letter
     * topics, by kind, since install. Gnocchi's clients read only the keys above.
     */
    private Map<String, Object> deadLetterCounts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        deadLetters.totals().forEach((kind, totals) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("records", totals.records());
            if (kind == DeadLetterLedger.Kind.MEASURES) {
                entry.put("measures", totals.measures());
            }
            counts.put(kind.column(), entry);
        });
        return counts;
    }

    @GET
    public Map<String, Object> status(@Context SecurityContext security, @QueryParam("details") String details) {
        access.require("get status", Callers.from(security));
        boolean withDetails = details == null || QueryParameters.parseBoolean("details", details);
        Map<String, Object> storage = new LinkedHashMap<>();
        Backlog.Summary waiting = backlog.summary();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("metrics", waiting.metrics());
        summary.put("measures", waiting.measures());
        storage.put("summary", summary);
        if (withDetails) {
            storage.put("measures_to_process", Map.of());
        }
        Map<String, Object> metricd = new LinkedHashMap<>();
        metricd.put("processors", List.of(processorName));
        metricd.put("statistics", Map.of(processorName, Map.of("mode", mode)));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("storage", storage);
        status.put("metricd", metricd);
        status.put("dead_letters", deadLetterCounts());
        return status;
    }
}
