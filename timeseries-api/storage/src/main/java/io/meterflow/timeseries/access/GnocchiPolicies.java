package io.meterflow.timeseries.access;

import io.meterflow.policy.RuleDefault;
import java.util.List;

/**
 * The time-series API's policy defaults: Gnocchi's own {@code policy.yaml}, rule for rule and
 * under Gnocchi's names, so an operator's Gnocchi policy file applies unchanged. Each rule lists
 * the calls it guards for the sample file.
 */
public final class GnocchiPolicies {

    static final String ADMIN_OR_CREATOR = "admin_or_creator";
    private static final String ADMIN = "role:admin";
    private static final String ANYONE = "";
    private static final String CREATOR = "rule:admin_or_creator";
    private static final String CREATOR_OR_RESOURCE_OWNER = "rule:admin_or_creator or rule:resource_owner";
    private static final String CREATOR_OR_METRIC_OWNER = "rule:admin_or_creator or rule:metric_owner";

    private GnocchiPolicies() {}

    public static List<RuleDefault> defaults() {
        return List.of(
                RuleDefault.base(
                        ADMIN_OR_CREATOR,
                        "role:admin or user:%(creator)s or project_id:%(created_by_project_id)s",
                        "An admin, the user who created the object, or a member of the project that created it."),
                RuleDefault.base(
                        "resource_owner", "project_id:%(project_id)s", "A member of the project owning the resource."),
                RuleDefault.base(
                        "metric_owner",
                        "project_id:%(resource.project_id)s",
                        "A member of the project owning the metric's resource."),
                rule("get status", ADMIN, "Read the processing backlog.", "GET /v1/status"),
                rule("create resource", ANYONE, "Create a resource.", "POST /v1/resource/{type}"),
                rule(
                        "get resource",
                        CREATOR_OR_RESOURCE_OWNER,
                        "Read a resource, its history and its metrics.",
                        "GET /v1/resource/{type}/{id}",
                        "GET /v1/resource/{type}/{id}/history",
                        "GET /v1/resource/{type}/{id}/metric"),
                rule(
                        "update resource",
                        CREATOR,
                        "Change a resource or attach metrics to it.",
                        "PATCH /v1/resource/{type}/{id}",
                        "POST /v1/resource/{type}/{id}/metric"),
                rule("delete resource", CREATOR, "Delete a resource.", "DELETE /v1/resource/{type}/{id}"),
                rule(
                        "delete resources",
                        CREATOR,
                        "Delete the resources a search matches.",
                        "DELETE /v1/resource/{type}"),
                rule(
                        "list resource",
                        CREATOR_OR_RESOURCE_OWNER,
                        "List resources: a caller it does not allow everything sees what its project owns or created.",
                        "GET /v1/resource/{type}"),
                rule(
                        "search resource",
                        CREATOR_OR_RESOURCE_OWNER,
                        "Search resources, also to aggregate across them; restricted as listing is.",
                        "POST /v1/search/resource/{type}",
                        "POST /v1/aggregates"),
                rule("create resource type", ADMIN, "Create a resource type.", "POST /v1/resource_type"),
                rule("delete resource type", ADMIN, "Delete a resource type.", "DELETE /v1/resource_type/{name}"),
                rule("update resource type", ADMIN, "Change a resource type.", "PATCH /v1/resource_type/{name}"),
                rule("list resource type", ANYONE, "List resource types.", "GET /v1/resource_type"),
                rule("get resource type", ANYONE, "Read a resource type.", "GET /v1/resource_type/{name}"),
                rule("get archive policy", ANYONE, "Read an archive policy.", "GET /v1/archive_policy/{name}"),
                rule("list archive policy", ANYONE, "List archive policies.", "GET /v1/archive_policy"),
                rule("create archive policy", ADMIN, "Create an archive policy.", "POST /v1/archive_policy"),
                rule("update archive policy", ADMIN, "Change an archive policy.", "PATCH /v1/archive_policy/{name}"),
                rule("delete archive policy", ADMIN, "Delete an archive policy.", "DELETE /v1/archive_policy/{name}"),
                rule(
                        "create archive policy rule",
                        ADMIN,
                        "Create an archive policy rule.",
                        "POST /v1/archive_policy_rule"),
                rule(
                        "get archive policy rule",
                        ANYONE,
                        "Read an archive policy rule.",
                        "GET /v1/archive_policy_rule/{name}"),
                rule("list archive policy rule", ANYONE, "List archive policy rules.", "GET /v1/archive_policy_rule"),
                rule(
                        "update archive policy rule",
                        ADMIN,
                        "Rename an archive policy rule.",
                        "PATCH /v1/archive_policy_rule/{name}"),
                rule(
                        "delete archive policy rule",
                        ADMIN,
                        "Delete an archive policy rule.",
                        "DELETE /v1/archive_policy_rule/{name}"),
                rule("create metric", ANYONE, "Create a metric.", "POST /v1/metric"),
                rule("delete metric", CREATOR, "Delete a metric.", "DELETE /v1/metric/{id}"),
                rule(
                        "get metric",
                        CREATOR_OR_METRIC_OWNER,
                        "Read a metric, also to aggregate it.",
                        "GET /v1/metric/{id}"),
                rule(
                        "search metric",
                        CREATOR_OR_METRIC_OWNER,
                        "Search the measures of metrics.",
                        "POST /v1/search/metric"),
                rule(
                        "list metric",
                        CREATOR_OR_METRIC_OWNER,
                        "List metrics: a caller it does not allow everything sees what its project created or owns.",
                        "GET /v1/metric"),
                rule(
                        "get measures",
                        CREATOR_OR_METRIC_OWNER,
                        "Read a metric's measures.",
                        "GET /v1/metric/{id}/measures",
                        "GET /v1/resource/{type}/{id}/metric/{name}/measures"),
                rule(
                        "post measures",
                        CREATOR,
                        "Add measures to metrics.",
                        "POST /v1/metric/{id}/measures",
                        "POST /v1/batch/metrics/measures",
                        "POST /v1/batch/resources/metrics/measures"));
    }

    private static RuleDefault rule(String name, String checkString, String description, String... operations) {
        return new RuleDefault(name, checkString, description, List.of(operations));
    }
}
