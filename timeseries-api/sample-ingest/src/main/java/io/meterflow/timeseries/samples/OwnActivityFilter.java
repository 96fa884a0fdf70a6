package io.meterflow.timeseries.samples;

import io.meterflow.wire.Sample;
import java.util.Optional;

/**
 * Skips the samples the time-series store's own storage activity produces, as Ceilometer's
 * publisher does with {@code filter_project}: anything of the store's service project, and the
 * swift_account samples of that project's account. Meterflow keeps measures in PostgreSQL, so
 * this matters only where an older Gnocchi (or anything else metered) runs as that project.
 * Configured by project id: the ingest does not ask Keystone for the name.
 */
record OwnActivityFilter(Optional<String> projectId) {

    boolean isOwnActivity(Sample sample, MappedMeter meter) {
        if (projectId.isEmpty()) {
            return false;
        }
        String project = projectId.get();
        return project.equals(sample.projectId())
                || ("swift_account".equals(meter.resource().resourceType()) && project.equals(sample.resourceId()));
    }
}
