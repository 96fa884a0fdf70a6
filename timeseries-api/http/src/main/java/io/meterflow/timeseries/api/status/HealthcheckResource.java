package io.meterflow.timeseries.api.status;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code /healthcheck}, where Gnocchi's oslo middleware answers load balancers: 200 when every
 * registered health check passes (the database answers), 503 otherwise.
 */
@Path("/healthcheck")
public final class HealthcheckResource {

    /** Load balancers poll often: the checks run at most once per interval, not per request. */
    private static final long RECHECK_MILLIS = 1000;

    private final HealthCheckRegistry checks;
    private final Clock clock;
    private volatile List<String> lastFailures = List.of();
    private volatile long checkedAt = Long.MIN_VALUE;

    public HealthcheckResource(HealthCheckRegistry checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response get() {
        return answer(true);
    }

    @HEAD
    public Response head() {
        return answer(false);
    }

    /** As oslo.middleware: 200 with an empty body (204 for HEAD), 503 naming the failed checks. */
    private Response answer(boolean withBody) {
        List<String> failed = failures();
        if (!failed.isEmpty()) {
            return Response.status(503)
                    .type(MediaType.TEXT_PLAIN)
                    .entity(String.join("\n", failed))
                    .build();
        }
        return withBody
                ? Response.ok("", MediaType.TEXT_PLAIN).build()
                : Response.noContent().build();
    }

    private List<String> failures() {
        long now = clock.millis();
        if (now - checkedAt >= RECHECK_MILLIS) {
            Map<String, HealthCheck.Result> results = checks.runHealthChecks();
            lastFailures = results.entrySet().stream()
                    .filter(check -> !check.getValue().isHealthy())
                    .map(check -> check.getKey() + ": " + check.getValue().getMessage())
                    .toList();
            checkedAt = now;
        }
        return lastFailures;
    }
}
