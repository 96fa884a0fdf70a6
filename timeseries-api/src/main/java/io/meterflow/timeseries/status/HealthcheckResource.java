package io.meterflow.timeseries.status;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code /healthcheck}, where Gnocchi's oslo middleware answers load balancers: 200 "OK" when
 * every registered health check passes (the database answers), 503 otherwise.
 */
@Path("/healthcheck")
public final class HealthcheckResource {

    private final HealthCheckRegistry checks;

    public HealthcheckResource(HealthCheckRegistry checks) {
        this.checks = checks;
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

    private Response answer(boolean withBody) {
        Map<String, HealthCheck.Result> results = checks.runHealthChecks();
        boolean healthy = results.values().stream().allMatch(HealthCheck.Result::isHealthy);
        Response.ResponseBuilder response = Response.status(healthy ? 200 : 503).type(MediaType.TEXT_PLAIN);
        return withBody ? response.entity(healthy ? "OK" : "FAILED").build() : response.build();
    }
}
