package io.meterflow.timeseries.archivepolicyrule;

import io.meterflow.timeseries.database.DatabaseException;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.failure.ConflictException;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.failure.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Archive policy rules: CRUD, and choosing the policy of a new metric by its name. */
public final class ArchivePolicyRuleService {

    private final Transactions transactions;
    private final ArchivePolicyRuleDao rules;

    public ArchivePolicyRuleService(Transactions transactions, ArchivePolicyRuleDao rules) {
        this.transactions = transactions;
        this.rules = rules;
    }

    public ArchivePolicyRule create(ArchivePolicyRule rule) {
        try {
            transactions.inTransaction(connection -> {
                rules.insert(connection, rule);
                return null;
            });
            return rule;
        } catch (DatabaseException failure) {
            if (Transactions.UNIQUE_VIOLATION.equals(failure.sqlState())) {
                throw new ConflictException("Archive policy rule " + rule.name() + " already exists");
            }
            if (Transactions.FOREIGN_KEY_VIOLATION.equals(failure.sqlState())) {
                throw InvalidInputException.of("Archive policy does not exist", rule.archivePolicyName(), null);
            }
            throw failure;
        }
    }

    public ArchivePolicyRule get(String name) {
        return transactions
                .read(connection -> rules.find(connection, name))
                .orElseThrow(() -> new NotFoundException(noSuchRule(name)));
    }

    public List<ArchivePolicyRule> list() {
        return transactions.read(rules::list);
    }

    public ArchivePolicyRule rename(String name, String newName) {
        ArchivePolicyRule rule = get(name);
        try {
            transactions.inTransaction(connection -> rules.rename(connection, name, newName));
        } catch (DatabaseException failure) {
            if (Transactions.UNIQUE_VIOLATION.equals(failure.sqlState())) {
                throw InvalidInputException.because("Archive policy rule " + name + " does not support change: "
                        + "Archive policy rule " + newName + " already exists.");
            }
            throw failure;
        }
        return new ArchivePolicyRule(newName, rule.metricPattern(), rule.archivePolicyName());
    }

    public void delete(String name) {
        if (!transactions.inTransaction(connection -> rules.delete(connection, name))) {
            throw new NotFoundException(noSuchRule(name));
        }
    }

    /** The archive policy name the first matching rule gives, in Gnocchi's rule order. */
    public Optional<String> policyFor(Connection connection, String metricName) throws SQLException {
        return rules.list(connection).stream()
                .filter(rule -> rule.matches(metricName))
                .map(ArchivePolicyRule::archivePolicyName)
                .findFirst();
    }

    private static String noSuchRule(String name) {
        return "Archive policy rule " + name + " does not exist";
    }
}
