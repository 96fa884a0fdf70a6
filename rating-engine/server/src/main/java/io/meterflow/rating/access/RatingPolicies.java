package io.meterflow.rating.access;

import io.meterflow.policy.RuleDefault;
import java.util.List;

/**
 * The rating API's policy defaults: CloudKitty 22's secure-RBAC rules under their own names, so
 * an operator's CloudKitty policy file applies unchanged, and Meterflow's rules for its billing
 * endpoints. Each rule lists the calls it guards ({@code METHOD /path}, {@code {name}} one path
 * segment, a trailing {@code *} any rest, {@code ANY} every method); the access filter finds a
 * call's rule there, and a call no rule lists is judged by {@code default}.
 */
public final class RatingPolicies {

    static final String CONTEXT_IS_ADMIN = "context_is_admin";
    private static final String ADMIN = "role:admin";
    private static final String READER_OR_ADMIN = "rule:project_reader_or_admin";
    private static final String ANYONE = "";

    private RatingPolicies() {}

    public static List<RuleDefault> defaults() {
        return List.of(
                RuleDefault.base(CONTEXT_IS_ADMIN, ADMIN, "Decides who is a cloud admin: unrestricted by project."),
                RuleDefault.base(
                        "admin_or_owner",
                        "is_admin:True or (role:admin and is_admin_project:True) or project_id:%(project_id)s",
                        "CloudKitty's rule before 22.0.0, kept for policy files that refer to it."),
                RuleDefault.base("default", ANYONE, "Any call no other rule names."),
                RuleDefault.base(
                        "project_member_api",
                        "role:member and project_id:%(project_id)s",
                        "Default rule for Project level non admin APIs."),
                RuleDefault.base(
                        "project_reader_api",
                        "role:reader and project_id:%(project_id)s",
                        "Default rule for Project level read only APIs."),
                RuleDefault.base(
                        "project_member_or_admin",
                        "rule:project_member_api or rule:context_is_admin",
                        "Default rule for Project Member or admin APIs."),
                RuleDefault.base(
                        "project_reader_or_admin",
                        "rule:project_reader_api or rule:context_is_admin",
                        "Default rule for Project reader or admin APIs."),
                rule("collector:list_mappings", ADMIN, "List collector mappings.", "GET /v1/collector/mappings"),
                rule(
                        "collector:get_mapping",
                        ADMIN,
                        "Get a collector mapping.",
                        "GET /v1/collector/mappings/{service_id}",
                        "GET /v1/collector/mappings/{collector}/{service_id}"),
                rule(
                        "collector:manage_mapping",
                        ADMIN,
                        "Create or delete a collector mapping.",
                        "POST /v1/collector/mappings",
                        "POST /v1/collector/mappings/*",
                        "DELETE /v1/collector/mappings/*"),
                rule(
                        "collector:get_state",
                        ADMIN,
                        "Get a collector's state.",
                        "GET /v1/collector/{collector_id}/states"),
                rule(
                        "collector:update_state",
                        ADMIN,
                        "Enable or disable a collector.",
                        "PUT /v1/collector/{collector_id}/states"),
                rule(
                        "info:list_metrics_info",
                        ANYONE,
                        "List the rated metrics.",
                        "GET /v1/info/metrics",
                        "GET /v1/info/services"),
                rule(
                        "info:get_metric_info",
                        ANYONE,
                        "Get a rated metric.",
                        "GET /v1/info/metrics/{metric_id}",
                        "GET /v1/info/services/{metric_id}"),
                rule("info:get_config", ANYONE, "Get the metrics configuration.", "GET /v1/info/config"),
                rule("rating:list_modules", ADMIN, "List the rating modules.", "GET /v1/rating/modules"),
                rule("rating:get_module", ADMIN, "Get a rating module.", "GET /v1/rating/modules/{module_id}"),
                rule(
                        "rating:update_module",
                        ADMIN,
                        "Enable a rating module or set its priority.",
                        "PUT /v1/rating/modules/{module_id}"),
                rule("rating:quote", ANYONE, "Price a list of resources.", "POST /v1/rating/quote"),
                rule(
                        "rating:module_config",
                        ADMIN,
                        "Configure the rating modules (hashmap, pyscripts), reads included.",
                        "GET /v1/rating/reload_modules",
                        "ANY /v1/rating/module_config/*"),
                rule("report:list_tenants", ADMIN, "List the rated projects.", "GET /v1/report/tenants"),
                rule("report:get_summary", READER_OR_ADMIN, "Get a project's summary.", "GET /v1/report/summary"),
                rule("report:get_total", READER_OR_ADMIN, "Get a project's total.", "GET /v1/report/total"),
                rule(
                        "storage:list_data_frames",
                        READER_OR_ADMIN,
                        "List a project's rated data.",
                        "GET /v1/storage/dataframes"),
                rule("dataframes:add", ADMIN, "Add rated data.", "POST /v2/dataframes"),
                rule("dataframes:get", READER_OR_ADMIN, "Read a project's rated data.", "GET /v2/dataframes"),
                rule("v2_rating:list_modules", ADMIN, "List the rating modules.", "GET /v2/rating/modules"),
                rule("v2_rating:get_module", ADMIN, "Get a rating module.", "GET /v2/rating/modules/{module_id}"),
                rule("v2_rating:update_module", ADMIN, "Update a rating module.", "PUT /v2/rating/modules/{module_id}"),
                rule("scope:get_state", ADMIN, "List the scopes' states.", "GET /v2/scope"),
                rule("scope:reset_state", ADMIN, "Reset scopes' states.", "PUT /v2/scope"),
                rule("scope:patch_state", ADMIN, "Activate or deactivate scopes.", "PATCH /v2/scope"),
                rule("scope:post_state", ADMIN, "Create a scope.", "POST /v2/scope"),
                rule("summary:get_summary", READER_OR_ADMIN, "Get a rating summary.", "GET /v2/summary"),
                rule("schedule:task_reprocesses", ADMIN, "Schedule a reprocessing.", "POST /v2/task/reprocesses"),
                rule(
                        "schedule:get_task_reprocesses",
                        ADMIN,
                        "List reprocessing schedules.",
                        "GET /v2/task/reprocesses",
                        "GET /v2/task/reprocesses/*"),
                rule(
                        "billing:get_charge",
                        READER_OR_ADMIN,
                        "Read a project's running charge (Meterflow).",
                        "GET /v2/billing/charges"),
                rule(
                        "billing:get_alerts",
                        READER_OR_ADMIN,
                        "List a project's budget alerts (Meterflow).",
                        "GET /v2/billing/alerts"),
                rule("billing:read", ADMIN, "Read plans, subscriptions and credits (Meterflow).", "GET /v2/billing/*"),
                rule(
                        "billing:manage",
                        ADMIN,
                        "Create or delete plans, subscriptions, credits and alerts; freeze charges (Meterflow).",
                        "POST /v2/billing/*",
                        "PUT /v2/billing/*",
                        "DELETE /v2/billing/*"));
    }

    private static RuleDefault rule(String name, String checkString, String description, String... operations) {
        return new RuleDefault(name, checkString, description, List.of(operations));
    }
}
