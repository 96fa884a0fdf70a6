package io.meterflow.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.keystone.KeystoneProjects;
import io.meterflow.keystone.KeystoneTokens;
import io.meterflow.keystone.ServiceToken;
import io.meterflow.rating.plan.Rounding;
import io.meterflow.reports.account.Accounts;
import io.meterflow.reports.account.Issuers;
import io.meterflow.reports.database.Transactions;
import io.meterflow.reports.invoice.InvoiceCalculator;
import io.meterflow.reports.invoicing.AccountInvoice;
import io.meterflow.reports.invoicing.AuditTrail;
import io.meterflow.reports.invoicing.BillingSettings;
import io.meterflow.reports.invoicing.InvoiceLifecycle;
import io.meterflow.reports.invoicing.InvoiceRuns;
import io.meterflow.reports.invoicing.Invoices;
import io.meterflow.reports.invoicing.ProjectDomains;
import io.meterflow.reports.ratingsource.RatingEngineClient;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;

/** The invoicing objects, wired once for the API and for the batch command alike. */
record ReportsWiring(
        Transactions transactions,
        Accounts accounts,
        Issuers issuers,
        Invoices invoices,
        InvoiceRuns runs,
        InvoiceLifecycle lifecycle,
        Optional<ServiceToken> serviceToken) {

    static ReportsWiring create(ReportsConfiguration config, DataSource dataSource, ObjectMapper json, Clock clock) {
        var billing = config.billing();
        Rounding rounding = new Rounding(
                billing.roundingScale() < 0 ? OptionalInt.empty() : OptionalInt.of(billing.roundingScale()),
                RoundingMode.valueOf(billing.roundingMode()));
        InvoiceCalculator calculator = new InvoiceCalculator(rounding);
        BillingSettings settings = new BillingSettings(
                ZoneId.of(billing.timeZone()),
                billing.paymentTermsDays(),
                billing.lateUsageMonths(),
                billing.defaultIssuer().isEmpty() ? Optional.empty() : Optional.of(billing.defaultIssuer()),
                billing.defaultCurrency(),
                java.time.Duration.ofSeconds(billing.ratingPeriodSeconds()));
        Transactions transactions = new Transactions(dataSource);
        Accounts accounts = new Accounts(json);
        Issuers issuers = new Issuers(json);
        Invoices invoices = new Invoices(json);
        AuditTrail audit = new AuditTrail(json, clock);
        Optional<ServiceToken> serviceToken = config.signsInToKeystone()
                ? Optional.of(new ServiceToken(config.keystone().settings(), HttpClient.newHttpClient(), clock))
                : Optional.empty();
        RatingEngineClient rating = ratingClient(config, json, serviceToken);
        InvoiceRuns runs = new InvoiceRuns(
                transactions,
                accounts,
                issuers,
                invoices,
                audit,
                rating,
                new AccountInvoice(calculator),
                settings,
                clock,
                UUID::randomUUID,
                domains(config, clock));
        InvoiceLifecycle lifecycle = new InvoiceLifecycle(
                transactions, invoices, accounts, issuers, audit, runs, rating, calculator, clock, UUID::randomUUID);
        return new ReportsWiring(transactions, accounts, issuers, invoices, runs, lifecycle, serviceToken);
    }

    /**
     * The rating API as invoice runs read it: with the operator's static token if there is one
     * (METERFLOW_RATING_TOKEN), else under keystone with the service's own token, under basic as
     * the Basic user admin, under noauth as it is.
     */
    private static RatingEngineClient ratingClient(
            ReportsConfiguration config, ObjectMapper json, Optional<ServiceToken> serviceToken) {
        URI url = URI.create(config.ratingUrl());
        String token = config.ratingToken();
        if (!token.isEmpty()) {
            return new RatingEngineClient(url, () -> Optional.of(token), json);
        }
        if (config.authMode().equals("keystone")) {
            ServiceToken service = serviceToken.orElseThrow();
            return new RatingEngineClient(url, () -> Optional.of(service.current()), service::refused, json);
        }
        if (config.authMode().equals("basic")) {
            return RatingEngineClient.basic(url, "admin", json);
        }
        return new RatingEngineClient(url, Optional::empty, json);
    }

    /** One account per Keystone domain when billing.defaultAccounts says domain; else per project. */
    private static ProjectDomains domains(ReportsConfiguration config, Clock clock) {
        if (!config.billing().defaultAccounts().equals("domain")) {
            return ProjectDomains.NONE;
        }
        KeystoneProjects keystone =
                new KeystoneProjects(new KeystoneTokens(config.keystone().settings(), clock));
        return project -> keystone.domainOf(project).map(d -> new ProjectDomains.Domain(d.id(), d.name()));
    }
}
