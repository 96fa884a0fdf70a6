package io.meterflow.timeseries.access;

import io.meterflow.policy.Credentials;
import io.meterflow.policy.Policy;
import io.meterflow.timeseries.failure.ForbiddenException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges calls by Gnocchi's policy rules ({@link GnocchiPolicies}, an operator's file over them):
 * a metric is the business of an admin, its creator, the creator's project, or the project owning
 * its resource, unless the policy says otherwise. Credentials are those Gnocchi hands oslo.policy:
 * {@code user} is the creator string, so {@code user:%(creator)s} matches what it recorded.
 */
public final class AccessPolicy {

    private final Policy policy;

    /** What a rule is checked against: the object's creator and owning projects. */
    public record Target(String creator, String createdByProjectId, String resourceProjectId) {
        public static final Target NONE = new Target(null, null, null);
    }

    /**
     * Which rows a listing may read, as Gnocchi's policy filters say: everything, or those owned
     * by the caller's project ({@code project_id}), or created by it ({@code created_by_project_id}),
     * or both (OR). Neither is refused with 403 before any query runs.
     */
    public record Visibility(boolean everything, String projectId, boolean owned, boolean created) {
        static final Visibility EVERYTHING = new Visibility(true, null, false, false);
    }

    /** Gnocchi's shipped defaults. */
    public AccessPolicy() {
        this(Policy.of(GnocchiPolicies.defaults()));
    }

    public AccessPolicy(Policy policy) {
        this.policy = policy;
    }

    /** Refuses with 403 unless the rule allows the caller on the target. */
    public void require(String rule, Caller caller, Map<String, Object> target) {
        if (!policy.allows(rule, target, credentials(caller))) {
            throw new ForbiddenException();
        }
    }

    /** A rule about no object in particular: archive policies, resource types, status. */
    public void require(String rule, Caller caller) {
        require(rule, caller, Map.of());
    }

    /** {@code admin_or_creator}, as a question: may this caller attach to or act as creator of the target. */
    public boolean isAdminOrCreator(Caller caller, Target target) {
        return policy.allows(GnocchiPolicies.ADMIN_OR_CREATOR, metricTarget(target), credentials(caller));
    }

    /** {@code get metric}: reading a metric, also to aggregate it. */
    public void requireMetricReader(Caller caller, Target target) {
        require("get metric", caller, metricTarget(target));
    }

    /** {@code get measures}. */
    public void requireMeasuresReader(Caller caller, Target target) {
        require("get measures", caller, metricTarget(target));
    }

    /** {@code delete metric}. */
    public void requireMetricDeleter(Caller caller, Target target) {
        require("delete metric", caller, metricTarget(target));
    }

    /** {@code post measures}. */
    public void requireMetricWriter(Caller caller, Target target) {
        require("post measures", caller, metricTarget(target));
    }

    /** {@code get resource}: reading a resource, its history and metrics. */
    public void requireResourceReader(Caller caller, Target target) {
        require("get resource", caller, resourceTarget(target));
    }

    /** {@code update resource} (also attaching metrics), {@code delete resource}, {@code delete resources}. */
    public void requireResourceWriter(String rule, Caller caller, Target target) {
        require(rule, caller, resourceTarget(target));
    }

    /** {@code update resource}: changing a resource or attaching metrics to it. */
    public void requireResourceWriter(Caller caller, Target target) {
        requireResourceWriter("update resource", caller, target);
    }

    /**
     * What a resource listing or search under {@code rule} may read, found as Gnocchi's Keystone
     * helper finds it: the rule asked of any resource of the type, then of one the caller's
     * project owns, then of one it created.
     */
    public Visibility resourceVisibility(String rule, Caller caller, String resourceType) {
        if (caller == null || !caller.listingsByPolicy()) {
            return Visibility.EVERYTHING;
        }
        Credentials credentials = credentials(caller);
        Map<String, Object> any = new HashMap<>();
        any.put("resource_type", resourceType);
        if (policy.allows(rule, any, credentials)) {
            return Visibility.EVERYTHING;
        }
        Map<String, Object> owned = new HashMap<>(any);
        owned.put("project_id", caller.projectId());
        Map<String, Object> created = new HashMap<>(any);
        created.put("created_by_project_id", caller.projectId());
        return visibility(caller, policy.allows(rule, owned, credentials), policy.allows(rule, created, credentials));
    }

    /**
     * What a metric listing may read: Gnocchi asks {@code list metric} of any metric, then of one
     * the caller's project created (its metric filter), then of one whose resource the project owns
     * (its resource filter under the {@code resource.} prefix).
     */
    public Visibility metricVisibility(Caller caller) {
        if (caller == null || !caller.listingsByPolicy()) {
            return Visibility.EVERYTHING;
        }
        Credentials credentials = credentials(caller);
        if (policy.allows("list metric", Map.of(), credentials)) {
            return Visibility.EVERYTHING;
        }
        Map<String, Object> created = new HashMap<>();
        created.put("created_by_project_id", caller.projectId());
        Map<String, Object> owned = new HashMap<>();
        owned.put("resource.project_id", caller.projectId());
        return visibility(
                caller,
                policy.allows("list metric", owned, credentials),
                policy.allows("list metric", created, credentials));
    }

    private static Visibility visibility(Caller caller, boolean owned, boolean created) {
        if (!owned && !created) {
            throw new ForbiddenException("Insufficient privileges");
        }
        return new Visibility(false, caller.projectId(), owned, created);
    }

    private static Credentials credentials(Caller caller) {
        return new Credentials(
                caller.userId(),
                caller.projectId(),
                caller.domainId(),
                List.copyOf(caller.roles()),
                false,
                true,
                caller.creator());
    }

    private static Map<String, Object> metricTarget(Target target) {
        return withoutNulls(
                "creator",
                target.creator(),
                "created_by_project_id",
                target.createdByProjectId(),
                "resource.project_id",
                target.resourceProjectId());
    }

    private static Map<String, Object> resourceTarget(Target target) {
        return withoutNulls(
                "creator",
                target.creator(),
                "created_by_project_id",
                target.createdByProjectId(),
                "project_id",
                target.resourceProjectId());
    }

    /**
     * A target without the fields the object lacks, so a check naming one fails. oslo.policy
     * would compare {@code None} with {@code None} and let a caller without a project act on
     * every object created without one (all of basic mode's); Gnocchi's basic mode escapes that
     * only because its credentials carry no project at all. Failing the check keeps both apart.
     */
    private static Map<String, Object> withoutNulls(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
