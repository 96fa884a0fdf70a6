package io.meterflow.timeseries.access;

import io.meterflow.timeseries.failure.ForbiddenException;
import java.util.Objects;

/**
 * Gnocchi's default policy file, as code: archive policies and rules are admin-only to change,
 * a metric is the business of an admin, its creator, the creator's project, or the project
 * owning its resource. A later issue reads these rules from an operator's policy file instead.
 */
public final class AccessPolicy {

    /** What a rule is checked against: the object's creator and owning projects. */
    public record Target(String creator, String createdByProjectId, String resourceProjectId) {
        public static final Target NONE = new Target(null, null, null);
    }

    public void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException();
        }
    }

    /** {@code admin_or_creator}: role:admin or user:creator or project_id:created_by_project_id. */
    public boolean isAdminOrCreator(Caller caller, Target target) {
        return caller.isAdmin()
                || Objects.equals(caller.creator(), target.creator())
                || (caller.projectId() != null && caller.projectId().equals(target.createdByProjectId()));
    }

    /** {@code admin_or_creator or metric_owner}: reading a metric and its measures. */
    public void requireMetricReader(Caller caller, Target target) {
        boolean owner = caller.projectId() != null && caller.projectId().equals(target.resourceProjectId());
        if (!isAdminOrCreator(caller, target) && !owner) {
            throw new ForbiddenException();
        }
    }

    /** {@code admin_or_creator}: deleting a metric, posting measures. */
    public void requireMetricWriter(Caller caller, Target target) {
        if (!isAdminOrCreator(caller, target)) {
            throw new ForbiddenException();
        }
    }

    /**
     * Whether listings show every metric. Gnocchi's basic mode filters nothing; with identities
     * from headers a non-admin sees what their project created or owns.
     */
    public boolean listsEverything(Caller caller) {
        return caller.isAdmin() || caller.projectId() == null;
    }

    /** {@code admin_or_creator or resource_owner}: reading a resource, its history and metrics. */
    public void requireResourceReader(Caller caller, Target target) {
        requireMetricReader(caller, target);
    }

    /** {@code admin_or_creator}: updating or deleting a resource, attaching metrics to it. */
    public void requireResourceWriter(Caller caller, Target target) {
        if (!isAdminOrCreator(caller, target)) {
            throw new ForbiddenException();
        }
    }
}
