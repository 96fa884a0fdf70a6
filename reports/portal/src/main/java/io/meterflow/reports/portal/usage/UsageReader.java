package io.meterflow.reports.portal.usage;

import io.meterflow.reports.portal.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the portal reads from the time-series API, always within one project. The adapter is
 * {@link GnocchiUsageReader} (Gnocchi v1: Meterflow's time-series service or a real Gnocchi).
 */
public interface UsageReader {

    /** The project's resources and their meters (one search). */
    List<MeteredResource> resources(ProjectId project);

    /**
     * One meter's measures in [from, to) for every resource of the project that has it, or for the
     * one resource asked (one grouped aggregation, not a request per resource). A resource of
     * another project is simply not found: the search is filtered by {@code project}.
     */
    List<UsageSeries> usage(ProjectId project, String meter, Optional<String> resourceId, Instant from, Instant to);
}
