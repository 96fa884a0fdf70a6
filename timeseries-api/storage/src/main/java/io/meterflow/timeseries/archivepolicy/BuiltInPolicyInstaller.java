package io.meterflow.timeseries.archivepolicy;

import io.meterflow.timeseries.archivepolicyrule.ArchivePolicyRule;
import io.meterflow.timeseries.archivepolicyrule.ArchivePolicyRuleDao;
import io.meterflow.timeseries.database.InstallState;
import io.meterflow.timeseries.database.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the built-in archive policies and the default rule once, on a new database, as
 * {@code gnocchi-upgrade} does; a policy an operator deletes later stays deleted.
 */
public final class BuiltInPolicyInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(BuiltInPolicyInstaller.class);
    private static final String MARKER = "builtin_archive_policies";

    private final Transactions transactions;
    private final ArchivePolicyDao policies;
    private final ArchivePolicyRuleDao rules;

    public BuiltInPolicyInstaller(Transactions transactions, ArchivePolicyDao policies, ArchivePolicyRuleDao rules) {
        this.transactions = transactions;
        this.policies = policies;
        this.rules = rules;
    }

    public void installOnNewDatabase(boolean install) {
        transactions.inTransaction(connection -> {
            if (!InstallState.claim(connection, MARKER, install ? "installed" : "skipped")) {
                return null;
            }
            // As gnocchi-upgrade: only a database without any policy or rule gets the built-ins.
            if (install
                    && policies.list(connection).isEmpty()
                    && rules.list(connection).isEmpty()) {
                for (ArchivePolicy policy : BuiltInArchivePolicies.all()) {
                    policies.insert(connection, policy);
                }
                rules.insert(
                        connection,
                        new ArchivePolicyRule(
                                BuiltInArchivePolicies.DEFAULT_RULE_NAME,
                                BuiltInArchivePolicies.DEFAULT_RULE_PATTERN,
                                BuiltInArchivePolicies.DEFAULT_RULE_POLICY));
                LOG.info(
                        "Installed {} built-in archive policies and the default rule",
                        BuiltInArchivePolicies.all().size());
            }
            return null;
        });
    }
}
