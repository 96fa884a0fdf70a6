package io.meterflow.reports.access;

import io.meterflow.policy.RuleDefault;
import java.util.List;

/**
 * The reports API's policy defaults, in oslo.policy's terms. Finance reads and issues every
 * invoice but has no rule of the rating engine's, so it cannot change prices; a tenant reads its
 * own project's invoices; issuers are the operator's. Under Keystone {@code role:finance} holds in
 * a domain-scoped token as in a project-scoped one: the finance staff bill the whole cloud (an
 * operator who wants them tied to its own domain writes {@code "admin_or_finance": "role:admin or
 * (role:finance and domain_id:default)"} in its policy file).
 */
public final class ReportsPolicies {

    public static final String INVOICE_READ = "reports:invoice:get";
    public static final String INVOICE_MANAGE = "reports:invoice:manage";
    public static final String ACCOUNT_READ = "reports:account:get";
    public static final String ACCOUNT_MANAGE = "reports:account:manage";
    public static final String ISSUER_MANAGE = "reports:issuer:manage";
    public static final String AUDIT_READ = "reports:audit:get";
    public static final String CAPACITY_EXPORT = "reports:capacity:export";

    private ReportsPolicies() {}

    public static List<RuleDefault> defaults() {
        return List.of(
                RuleDefault.base("admin_or_finance", "role:admin or role:finance", "Operators and finance staff"),
                new RuleDefault(
                        INVOICE_READ,
                        "rule:admin_or_finance or project_id:%(project_id)s",
                        "Read an invoice or credit note and download it (PDF, CSV, JSON, Factur-X)",
                        List.of("GET /v1/invoices", "GET /v1/invoices/{id}", "GET /v1/invoices/{id}/{format}")),
                new RuleDefault(
                        INVOICE_MANAGE,
                        "rule:admin_or_finance",
                        "Run, recompute, issue, mark paid, void, delete and credit invoices",
                        List.of(
                                "POST /v1/invoice-runs",
                                "POST /v1/invoices/{id}/actions/{action}",
                                "POST /v1/invoices/{id}/credit-notes",
                                "DELETE /v1/invoices/{id}",
                                "POST /v1/portal-links")),
                new RuleDefault(
                        ACCOUNT_READ,
                        "rule:admin_or_finance",
                        "Read billing accounts",
                        List.of("GET /v1/accounts", "GET /v1/accounts/{id}")),
                new RuleDefault(
                        ACCOUNT_MANAGE,
                        "rule:admin_or_finance",
                        "Create and change billing accounts",
                        List.of("PUT /v1/accounts/{id}")),
                new RuleDefault(
                        ISSUER_MANAGE,
                        "role:admin",
                        "Create and change issuers and their numbering",
                        List.of("PUT /v1/issuers/{id}", "GET /v1/issuers")),
                new RuleDefault(
                        AUDIT_READ,
                        "rule:admin_or_finance",
                        "Read an invoice's audit trail",
                        List.of("GET /v1/invoices/{id}/audit")),
                new RuleDefault(
                        CAPACITY_EXPORT,
                        "role:admin or role:planner",
                        "Export every project's grouped aggregates for capacity planning",
                        List.of("GET /v1/exports/capacity")));
    }
}
