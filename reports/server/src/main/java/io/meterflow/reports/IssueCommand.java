package io.meterflow.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.meterflow.reports.database.ReportsMigrations;
import io.meterflow.reports.invoice.InvoiceStatus;
import io.meterflow.reports.invoice.ServicePeriod;
import io.meterflow.reports.invoicing.InvoiceRecord;
import io.meterflow.reports.invoicing.Rendering;
import io.meterflow.reports.invoicing.RunResult;
import io.meterflow.servicedatabase.ServiceDatabase;
import io.meterflow.singlenode.SingleNodePostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code bin/meterflow reports issue --period 2026-11 --output DIR}: the month-end batch. It
 * freezes the period's plan charges, computes every account's draft, issues each (numbered, or
 * skipped at zero) in its own transaction and writes its files, with a progress bar. Run again
 * after a crash, it issues only what is still a draft and writes only the files still missing:
 * nothing is issued twice.
 */
final class IssueCommand extends ConfiguredCommand<ReportsConfiguration> {

    IssueCommand(ReportsApplication application) {
        super("issue", "Issues and renders every invoice of a billing period (resumable)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--period").dest("period").required(true).help("the billing month, e.g. 2026-11");
        subparser
                .addArgument("--output")
                .dest("output")
                .setDefault("invoices")
                .help("directory the files are written to (default ./invoices)");
        subparser
                .addArgument("--facturx")
                .dest("facturx")
                .action(net.sourceforge.argparse4j.impl.Arguments.storeTrue())
                .help("also write each invoice's EN 16931 e-invoice (Factur-X PDF/A-3 with its CII XML)");
        subparser.addArgument("--actor").dest("actor").setDefault("batch").help("name recorded in the audit trail");
    }

    @Override
    protected void run(Bootstrap<ReportsConfiguration> bootstrap, Namespace namespace, ReportsConfiguration config)
            throws Exception {
        ObjectMapper json = bootstrap.getObjectMapper();
        Clock clock = Clock.systemUTC();
        try (SingleNodePostgres database = SingleNodePostgres.resolve(
                        config.database().url(), Path.of(config.dataDir(), "postgres"), "meterflow");
                HikariDataSource dataSource = ServiceDatabase.pool(
                        database.jdbcUrl(), config.database().maxPoolSize(), "meterflow-reports-issue", Map.of())) {
            ReportsMigrations.migrate(dataSource);
            ReportsWiring wiring = ReportsWiring.create(config, dataSource, json, clock);
            ServicePeriod period = ServicePeriod.month(
                    YearMonth.parse(namespace.getString("period")),
                    java.time.ZoneId.of(config.billing().timeZone()));
            String actor = namespace.getString("actor");
            Path output = Path.of(namespace.getString("output"));
            Files.createDirectories(output);
            Map<String, Rendering> renderings = namespace.getBoolean("facturx")
                    ? Renderings.withFacturX(config.rendering())
                    : Renderings.create(config.rendering());

            System.err.println("meterflow reports: freezing plan charges and computing drafts for " + period.start()
                    + " to " + period.lastDay() + " (" + period.zone() + ")");
            wiring.runs().requireRated(period, null);
            wiring.lifecycle().freezePeriod(period);
            RunResult run = wiring.runs().runWithFrozenCharges(period, actor);
            System.err.printf(
                    "meterflow reports: %d drafts (%d new), %d already issued%n",
                    run.drafts().size(), run.created(), run.alreadyIssued());
            List<UUID> drafts =
                    wiring.transactions().run(c -> wiring.invoices().draftIds(c, period.start(), period.end()));
            ProgressBar issuing = new ProgressBar(System.err, "issued", drafts.size(), clock);
            int done = 0;
            for (UUID id : drafts) {
                wiring.lifecycle().issueAsComputed(id, actor);
                issuing.step(++done);
            }
            issuing.step(done);
            List<InvoiceRecord> issued = wiring.transactions()
                    .run(c -> wiring.invoices()
                            .list(c, null, period.start(), InvoiceStatus.ISSUED.apiName(), Integer.MAX_VALUE));
            ProgressBar rendering = new ProgressBar(System.err, "rendered", issued.size(), clock);
            done = 0;
            int written = 0;
            for (InvoiceRecord invoice : issued) {
                written += write(invoice, renderings, output);
                rendering.step(++done);
            }
            rendering.step(done);
            System.err.printf(
                    "meterflow reports: %d invoices issued for the period, %d files written to %s%n",
                    issued.size(), written, output.toAbsolutePath());
        }
    }

    /** Writes the files an invoice does not have yet, each whole or not at all (temp file, then move). */
    private static int write(InvoiceRecord invoice, Map<String, Rendering> renderings, Path output) throws IOException {
        int written = 0;
        for (Rendering rendering : renderings.values()) {
            Path file = output.resolve(invoice.document().number() + "." + rendering.extension());
            if (Files.exists(file)) {
                continue;
            }
            Path temporary = output.resolve("." + file.getFileName() + ".part");
            Files.write(temporary, rendering.render().apply(invoice.document()));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            written++;
        }
        return written;
    }
}
